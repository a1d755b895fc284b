using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The GetContactCourse operation: a citizen's registrations (latest versions, cancelled ones left out) and current
/// state, within the agreement's read scope. Every read is in the access log before any data leaves.
/// </summary>
public sealed class GetContactCourse(IRegistrationStore store, IAccessLog accessLog, TimeProvider clock)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(GetContactCourse);

    /// <summary>Reads the course of the citizen with CPR number <paramref name="cpr"/> for the caller of <paramref name="context"/>.</summary>
    public async Task<Outcome<CitizenCourse>> HandleAsync(Agreement agreement, CallerContext context, string cpr, CancellationToken cancellationToken)
    {
        if (!Cpr.IsValid(cpr))
        {
            return new Refusal(FaultCodes.RuleViolation,
                [new FieldViolation("Cpr", "Cpr.Invalid", "Not a valid CPR number: 10 digits whose first six are a real date (DDMMYY).")]);
        }

        var accessor = new Accessor(agreement, context, Operation, clock.GetUtcNow());
        var registrations = await store.LatestForCitizenAsync(cpr, cancellationToken);
        Outcome<CitizenCourse> outcome = CitizenScope.Admit(agreement, context, registrations) is { } refused
            ? refused
            : new CitizenCourse(cpr, registrations.Where(r => !r.IsCancellation));
        await accessLog.RecordAsync(
            [accessor.Entry(cpr, null, outcome.IsRefused ? AccessOutcome.Of(outcome.Refusal) : AccessOutcome.Ok)], cancellationToken);
        return outcome;
    }
}
