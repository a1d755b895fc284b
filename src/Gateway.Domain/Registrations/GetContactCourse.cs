using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>The GetContactCourse operation: a citizen's registrations and current state, within the agreement's read scope.</summary>
public sealed class GetContactCourse(IRegistrationStore store)
{
    /// <summary>Reads the course of the citizen with CPR number <paramref name="cpr"/> for the caller of <paramref name="context"/>.</summary>
    public async Task<Outcome<CitizenCourse>> HandleAsync(Agreement agreement, CallContext context, string cpr, CancellationToken cancellationToken)
    {
        if (!Cpr.IsValid(cpr))
        {
            return new Refusal(FaultCodes.RuleViolation,
                [new FieldViolation("Cpr", "Cpr.Invalid", "Not a valid CPR number: 10 digits whose first six are a real date (DDMMYY).")]);
        }

        var registrations = await store.LatestForCitizenAsync(cpr, cancellationToken);
        // Own citizens are those with a registration the reader is responsible for: an other actor reads for its principal.
        var reader = agreement.Authority.Kind == AuthorityKind.OtherActor ? context.Principal : agreement.Authority;
        if (AgreementDecisions.AdmitRead(agreement, registrations.Any(r => r.ResponsibleAuthority == reader)) is { } refused)
        {
            return refused;
        }

        return new CitizenCourse(cpr, registrations);
    }
}
