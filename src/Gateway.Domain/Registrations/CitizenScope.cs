using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>
/// Whose citizens a reader may see (domain.md § 6): with <see cref="ReadScope.OwnCitizens"/>, a citizen with a
/// registration (not cancelled) that the reader is responsible for; with <see cref="ReadScope.AllCitizens"/>, anyone.
/// </summary>
public static class CitizenScope
{
    /// <summary>The authority whose citizens the caller reads: an other actor reads for the principal it names.</summary>
    public static AuthorityId Reader(Agreement agreement, CallerContext context) =>
        agreement.Authority.Kind == AuthorityKind.OtherActor && context.Principal is { } principal ? principal : agreement.Authority;

    /// <summary>Null when the citizen with these registrations (latest versions) may be read; otherwise the refusal.</summary>
    public static Refusal? Admit(Agreement agreement, CallerContext context, IEnumerable<StoredRegistration> citizenRegistrations)
    {
        var reader = Reader(agreement, context);
        return AgreementDecisions.AdmitRead(agreement, citizenRegistrations.Any(r => !r.IsCancellation && r.ResponsibleAuthority == reader));
    }
}
