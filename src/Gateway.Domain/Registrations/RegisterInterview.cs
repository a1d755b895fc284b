using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>The RegisterInterview operation: check the registration against the rules, then store it as version 1.</summary>
public sealed class RegisterInterview(RegistrationRules rules, IRegistrationStore store, TimeProvider clock)
{
    /// <summary>Registers <paramref name="interview"/> for <paramref name="caller"/>.</summary>
    public async Task<Outcome<Receipt>> HandleAsync(Caller caller, Interview interview, CancellationToken cancellationToken)
    {
        // PostgreSQL keeps microseconds: the receipt must quote the time exactly as stored.
        var now = clock.GetUtcNow();
        var receivedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var outcome = rules.Check(caller, interview, receivedAt);
        if (!outcome.Accepted)
        {
            return new Refusal(FaultCodes.RuleViolation, outcome.Violations);
        }

        // Version 7 ids sort by time, which keeps the primary-key index append-mostly.
        var registration = new StoredRegistration(
            Guid.CreateVersion7(receivedAt), 1, receivedAt, caller.ResponsibleAuthority, caller.OtherActor,
            caller.CaseWorkerId, outcome.Late, interview);
        await store.AddAsync(registration, cancellationToken);
        return new Receipt(registration.Id, registration.Version, receivedAt, outcome.Late, outcome.Warnings);
    }
}
