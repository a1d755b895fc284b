using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>One registration with every version it has had, oldest first.</summary>
/// <param name="Versions">The versions, oldest first; never empty.</param>
public sealed record RegistrationHistory(IReadOnlyList<StoredRegistration> Versions)
{
    /// <summary>The registration's id.</summary>
    public Guid Id => Versions[0].Id;

    /// <summary>The citizen.</summary>
    public string Cpr => Versions[0].Interview.Cpr;

    /// <summary>The authority responsible.</summary>
    public AuthorityId ResponsibleAuthority => Versions[0].ResponsibleAuthority;

    /// <summary>The current version.</summary>
    public StoredRegistration Current => Versions[^1];

    /// <summary>Whether the registration is cancelled.</summary>
    public bool Cancelled => Current.IsCancellation;
}
