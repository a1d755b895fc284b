using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The GetInterview operation: one registration with its full history, within the agreement's read scope. With the
/// scope "own citizens" an unknown id is refused as a citizen outside the scope is, so the answer does not tell which.
/// </summary>
public sealed class GetInterview(IRegistrationStore store, IAccessLog accessLog, TimeProvider clock)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(GetInterview);

    /// <summary>Reads registration <paramref name="registrationId"/> for the caller of <paramref name="context"/>.</summary>
    public async Task<Outcome<RegistrationHistory>> HandleAsync(
        Agreement agreement, CallContext context, Guid registrationId, CancellationToken cancellationToken)
    {
        var accessor = new Accessor(agreement, context, Operation, clock.GetUtcNow());
        var versions = await store.HistoryAsync(registrationId, cancellationToken);
        Outcome<RegistrationHistory> outcome;
        if (versions.Count == 0)
        {
            outcome = agreement.ReadScope == ReadScope.AllCitizens ? new Refusal(FaultCodes.RegistrationNotFound) : new Refusal(FaultCodes.OutsideReadScope);
        }
        else
        {
            var history = new RegistrationHistory(versions);
            var own = !history.Cancelled && history.ResponsibleAuthority == CitizenScope.Reader(agreement, context);
            var refused = own ? null : CitizenScope.Admit(agreement, context, await store.LatestForCitizenAsync(history.Cpr, cancellationToken));
            outcome = refused is null ? history : refused;
        }

        // The entry names the citizen only when the caller was allowed to learn who it is.
        var entry = outcome.IsRefused
            ? accessor.Entry(null, registrationId, AccessOutcome.Of(outcome.Refusal))
            : accessor.Entry(outcome.Value.Cpr, registrationId, AccessOutcome.Ok);
        await accessLog.RecordAsync([entry], cancellationToken);
        return outcome;
    }
}
