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
        Agreement agreement, CallerContext context, Guid registrationId, CancellationToken cancellationToken)
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
            // The reader's own registration stays readable after it is cancelled: its history is the reader's to see.
            var own = history.ResponsibleAuthority == CitizenScope.Reader(agreement, context);
            var refused = own ? null : CitizenScope.Admit(agreement, context, await store.LatestForCitizenAsync(history.Cpr, cancellationToken));
            outcome = refused is null ? history : refused;
        }

        // A refused attempt names the citizen too (the log is for the data subject; the caller never sees it).
        var cpr = versions.Count > 0 ? versions[0].Interview.Cpr : null;
        await accessLog.RecordAsync(
            [accessor.Entry(cpr, registrationId, outcome.IsRefused ? AccessOutcome.Of(outcome.Refusal) : AccessOutcome.Ok)], cancellationToken);
        return outcome;
    }
}
