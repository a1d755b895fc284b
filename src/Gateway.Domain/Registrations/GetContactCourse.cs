using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>The GetContactCourse operation: a citizen's registrations and current state.</summary>
public sealed class GetContactCourse(IRegistrationStore store)
{
    /// <summary>Reads the course of the citizen with CPR number <paramref name="cpr"/>.</summary>
    public async Task<Outcome<CitizenCourse>> HandleAsync(string cpr, CancellationToken cancellationToken)
    {
        if (!Cpr.IsValid(cpr))
        {
            return new Refusal(FaultCodes.RuleViolation,
                [new FieldViolation("Cpr", "Cpr.Invalid", "Not a valid CPR number: 10 digits whose first six are a real date (DDMMYY).")]);
        }

        return new CitizenCourse(cpr, await store.LatestForCitizenAsync(cpr, cancellationToken));
    }
}
