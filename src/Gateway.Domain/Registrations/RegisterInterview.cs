using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The RegisterInterview operation: the agreement must cover the case type, the registration must meet the rules; then
/// it is stored as version 1. A write sent again under the same request id (a retry after a timeout) gets the first
/// receipt and stores nothing; the same request id with other content is refused (domain.md § 5).
/// </summary>
public sealed class RegisterInterview(RegistrationRules rules, IRegistrationStore store, TimeProvider clock)
{
    /// <summary>Registers <paramref name="interview"/> for the caller of <paramref name="context"/>, admitted by <paramref name="agreement"/>.</summary>
    public async Task<Outcome<Receipt>> HandleAsync(
        Agreement agreement, CallContext context, string requestId, Interview interview, CancellationToken cancellationToken)
    {
        if (AgreementDecisions.AdmitCaseType(agreement, interview.CaseType) is { } refused)
        {
            return refused;
        }

        // PostgreSQL keeps microseconds: the receipt must quote the time exactly as stored.
        var now = clock.GetUtcNow();
        var receivedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var caller = context.ToCaller();
        var request = new WriteRequest(agreement.Id, requestId, RequestFingerprint.OfRegistration(caller, interview));
        var outcome = rules.Check(caller, interview, receivedAt);
        if (!outcome.Accepted)
        {
            // A retry of a write accepted earlier is answered as then, even if today's rules would say otherwise (a
            // registration can become late, say); only a request id never used gets the refusal.
            return await store.FindRequestAsync(agreement.Id, requestId, cancellationToken) is { } earlier
                ? Replay(earlier, request)
                : new Refusal(FaultCodes.RuleViolation, outcome.Violations);
        }

        // Version 7 ids sort by time, which keeps the primary-key index append-mostly.
        var registration = new StoredRegistration(
            Guid.CreateVersion7(receivedAt), 1, receivedAt, caller.ResponsibleAuthority, caller.OtherActor,
            caller.CaseWorkerId, outcome.Late, interview)
        {
            AgreementId = agreement.Id,
            CallId = context.CallId,
        };
        var receipt = new Receipt(registration.Id, registration.Version, receivedAt, outcome.Late, outcome.Warnings);
        if (await store.AddAsync(registration, request, receipt, cancellationToken))
        {
            return receipt;
        }

        // The request id was taken: by an earlier write, or by one that just committed beside this one.
        var taken = await store.FindRequestAsync(agreement.Id, requestId, cancellationToken)
            ?? throw new InvalidOperationException("A request id was reported taken but cannot be found.");
        return Replay(taken, request);
    }

    private static Outcome<Receipt> Replay(EarlierRequest earlier, WriteRequest request) =>
        earlier.Fingerprint == request.Fingerprint ? earlier.Receipt : new Refusal(FaultCodes.RequestIdReused);
}
