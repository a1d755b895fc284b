using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>What the case worker registers at one interview: the items of § 2 stk. 2 of the order.</summary>
/// <remarks>The automatic part of item 1 (registering authority, system, timestamp, channel) is added by the gateway.</remarks>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class InterviewRegistration
{
    /// <summary>The citizen's CPR number, 10 digits without a hyphen (item 1).</summary>
    public string Cpr { get; set; } = "";

    /// <summary>Case type (sagstype), given by the case worker (item 1).</summary>
    public CaseType CaseType { get; set; }

    /// <summary>The interview: when it was held and its type (item 2).</summary>
    public InterviewHeld Interview { get; set; } = new();

    /// <summary>Form of the interview (item 3).</summary>
    public InterviewForm Form { get; set; }

    /// <summary>Match category (matchkategori), reassessed at every interview (item 4).</summary>
    public MatchCategory MatchCategory { get; set; }

    /// <summary>One to five employment goals (item 5).</summary>
    [XmlArray("EmploymentGoals")]
    [XmlArrayItem("Goal")]
    public List<EmploymentGoal> EmploymentGoals { get; set; } = [];

    /// <summary>Rough match (grovmatch) (item 6); voluntary for municipalities.</summary>
    public RoughMatch? RoughMatch { get; set; }

    /// <summary>Agreements on the further course (item 7).</summary>
    public FurtherCourse FurtherCourse { get; set; } = new();

    /// <summary>Planned or started offers (item 8); optional.</summary>
    [XmlArray("Offers")]
    [XmlArrayItem("Offer")]
    public List<Offer>? Offers { get; set; }

    /// <summary>CV status (item 9).</summary>
    public CvStatus CvStatus { get; set; }

    /// <summary>The next planned contact, or why there is none (item 10).</summary>
    public NextContact NextContact { get; set; } = new();

    /// <summary>Job-search behaviour (jobsøgeadfærd) (item 11); voluntary for municipalities.</summary>
    public JobSearchBehaviour? JobSearchBehaviour { get; set; }

    /// <summary>The citizen's own comments, at most 4000 characters (item 12); optional.</summary>
    public string? CitizenComments { get; set; }
}
