using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>A citizen's contact course: every registration (latest version), oldest interview first, and the current state.</summary>
public sealed record CitizenCourse
{
    /// <summary>Builds the course from the registrations, in any order.</summary>
    public CitizenCourse(string cpr, IEnumerable<StoredRegistration> registrations)
    {
        Cpr = cpr;
        Registrations = [.. registrations.OrderBy(r => r.Interview.HeldOn).ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id)];
    }

    /// <summary>The citizen.</summary>
    public string Cpr { get; }

    /// <summary>The registrations, oldest interview first (ties by time received).</summary>
    public IReadOnlyList<StoredRegistration> Registrations { get; }

    /// <summary>The latest interview, which decides the current state; null when nothing is registered.</summary>
    public StoredRegistration? Latest => Registrations.Count == 0 ? null : Registrations[^1];

    /// <summary>The current case type.</summary>
    public CaseType? CurrentCaseType => Latest?.Interview.CaseType;

    /// <summary>The authority currently responsible.</summary>
    public AuthorityId? ResponsibleAuthority => Latest?.ResponsibleAuthority;

    /// <summary>The latest match category.</summary>
    public MatchCategory? LatestMatchCategory => Latest?.Interview.MatchCategory;

    /// <summary>The next planned contact, when the latest interview planned one.</summary>
    public DateOnly? NextPlannedContact => Latest?.Interview.NextContact.PlannedOn;
}
