using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>The RegisterInterview operation: the agreement must cover the case type, the registration must meet the rules; then it is stored as version 1.</summary>
public sealed class RegisterInterview(RegistrationRules rules, IRegistrationStore store, TimeProvider clock)
{
    /// <summary>Registers <paramref name="interview"/> for the caller of <paramref name="context"/>, admitted by <paramref name="agreement"/>.</summary>
    public async Task<Outcome<Receipt>> HandleAsync(Agreement agreement, CallContext context, Interview interview, CancellationToken cancellationToken)
    {
        if (AgreementDecisions.AdmitCaseType(agreement, interview.CaseType) is { } refused)
        {
            return refused;
        }

        // PostgreSQL keeps microseconds: the receipt must quote the time exactly as stored.
        var now = clock.GetUtcNow();
        var receivedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var caller = context.ToCaller();
        var outcome = rules.Check(caller, interview, receivedAt);
        if (!outcome.Accepted)
        {
            return new Refusal(FaultCodes.RuleViolation, outcome.Violations);
        }

        // Version 7 ids sort by time, which keeps the primary-key index append-mostly.
        var registration = new StoredRegistration(
            Guid.CreateVersion7(receivedAt), 1, receivedAt, caller.ResponsibleAuthority, caller.OtherActor,
            caller.CaseWorkerId, outcome.Late, interview)
        {
            AgreementId = agreement.Id,
            CallId = context.CallId,
        };
        await store.AddAsync(registration, cancellationToken);
        return new Receipt(registration.Id, registration.Version, receivedAt, outcome.Late, outcome.Warnings);
    }
}
