using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The rules table of § 2 stk. 2: which item is mandatory for which responsible authority. This is the one
/// place to change when an authority's text reads otherwise (domain.md § 4). An other actor is held to its
/// principal's column.
/// </summary>
public static class ItemRequirements
{
    private static readonly Dictionary<RegistrationItem, (Requirement EmploymentService, Requirement Municipality)> Table = new()
    {
        [RegistrationItem.Identification] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.Interview] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.Form] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.MatchCategory] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.EmploymentGoals] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.RoughMatch] = (Requirement.Mandatory, Requirement.Voluntary),
        [RegistrationItem.FurtherCourse] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.Offers] = (Requirement.Optional, Requirement.Optional),
        [RegistrationItem.CvStatus] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.NextContact] = (Requirement.Mandatory, Requirement.Mandatory),
        [RegistrationItem.JobSearchBehaviour] = (Requirement.Mandatory, Requirement.Voluntary),
        [RegistrationItem.CitizenComments] = (Requirement.Optional, Requirement.Optional),
    };

    /// <summary>The requirement of <paramref name="item"/> for a responsible authority of <paramref name="responsible"/> kind.</summary>
    public static Requirement For(RegistrationItem item, AuthorityKind responsible) => responsible switch
    {
        AuthorityKind.EmploymentServiceUnit => Table[item].EmploymentService,
        AuthorityKind.Municipality => Table[item].Municipality,
        _ => throw new ArgumentOutOfRangeException(nameof(responsible), responsible, "Only a municipality or an Employment Service unit is responsible for a case."),
    };

    /// <summary>The case types the responsible authority of that kind registers (domain § 3).</summary>
    public static IReadOnlySet<CaseType> CaseTypesFor(AuthorityKind responsible) => responsible switch
    {
        AuthorityKind.EmploymentServiceUnit => EmploymentServiceCaseTypes,
        AuthorityKind.Municipality => MunicipalityCaseTypes,
        _ => NoCaseTypes,
    };

    /// <summary>Whether the registration holds the item.</summary>
    public static bool IsPresent(RegistrationItem item, Interview interview) => item switch
    {
        RegistrationItem.EmploymentGoals => interview.EmploymentGoals.Count > 0,
        RegistrationItem.RoughMatch => interview.RoughMatch is not null,
        RegistrationItem.FurtherCourse => interview.FurtherCourse.Agreements.Count > 0
            || !string.IsNullOrWhiteSpace(interview.FurtherCourse.NoAgreementReason),
        RegistrationItem.Offers => interview.Offers is { Count: > 0 },
        RegistrationItem.NextContact => interview.NextContact.PlannedOn.HasValue || interview.NextContact.EndReason.HasValue,
        RegistrationItem.JobSearchBehaviour => interview.JobSearchBehaviour is not null,
        RegistrationItem.CitizenComments => !string.IsNullOrEmpty(interview.CitizenComments),
        // Items 1-4 and 9 are required elements of the contract: a registration always holds them.
        _ => true,
    };

    private static readonly IReadOnlySet<CaseType> EmploymentServiceCaseTypes = new HashSet<CaseType> { CaseType.Dagpenge };
    private static readonly IReadOnlySet<CaseType> MunicipalityCaseTypes = new HashSet<CaseType> { CaseType.Kontanthjaelp, CaseType.Starthjaelp };
    private static readonly IReadOnlySet<CaseType> NoCaseTypes = new HashSet<CaseType>();
}
