using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Registrations;

/// <summary>What the case worker registered at one interview: the items of § 2 stk. 2 of the order.</summary>
public sealed record Interview
{
    /// <summary>The citizen's CPR number (item 1).</summary>
    public required string Cpr { get; init; }

    /// <summary>Case type (sagstype), given by the case worker (item 1).</summary>
    public required CaseType CaseType { get; init; }

    /// <summary>The date the interview was held (item 2).</summary>
    public required DateOnly HeldOn { get; init; }

    /// <summary>The interview type (item 2).</summary>
    public required InterviewType Type { get; init; }

    /// <summary>Form of the interview (item 3).</summary>
    public required InterviewForm Form { get; init; }

    /// <summary>Match category (item 4).</summary>
    public required MatchCategory MatchCategory { get; init; }

    /// <summary>Employment goals (item 5).</summary>
    public required IReadOnlyList<EmploymentGoalItem> EmploymentGoals { get; init; }

    /// <summary>Rough match (grovmatch) (item 6).</summary>
    public RoughMatchItem? RoughMatch { get; init; }

    /// <summary>Agreements on the further course (item 7).</summary>
    public required FurtherCourseItem FurtherCourse { get; init; }

    /// <summary>Offers (item 8); null when the item was not given.</summary>
    public IReadOnlyList<OfferItem>? Offers { get; init; }

    /// <summary>CV status (item 9).</summary>
    public required CvStatus CvStatus { get; init; }

    /// <summary>Next contact (item 10).</summary>
    public required NextContactItem NextContact { get; init; }

    /// <summary>Job-search behaviour (item 11).</summary>
    public JobSearchItem? JobSearchBehaviour { get; init; }

    /// <summary>The citizen's comments (item 12).</summary>
    public string? CitizenComments { get; init; }
}
