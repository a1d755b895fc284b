using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>
/// The supervision figures of one responsible authority for one period (contract 1.4), each defined in
/// <see cref="Definitions"/>: counted from the latest version of every registration the authority is responsible
/// for (also those an other actor made for it), cancelled ones left out.
/// </summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class SupervisionReport
{
    /// <summary>The authority whose registrations are counted.</summary>
    public Authority Authority { get; set; } = new();

    /// <summary>The period's first day.</summary>
    [XmlElement(DataType = "date")]
    public DateTime From { get; set; }

    /// <summary>The period's last day; overdue is judged on it.</summary>
    [XmlElement(DataType = "date")]
    public DateTime To { get; set; }

    /// <summary>When the figures were computed (UTC).</summary>
    public DateTime ComputedAt { get; set; }

    /// <summary>The overdue interval used, in months.</summary>
    public int OverdueAfterMonths { get; set; }

    /// <summary>The next-contact limit used, in months.</summary>
    public int NextContactLimitMonths { get; set; }

    /// <summary>Interviews held in the period.</summary>
    public int Interviews { get; set; }

    /// <summary>The interviews by interview type and form.</summary>
    [XmlArray("InterviewsByTypeAndForm")]
    [XmlArrayItem("Group")]
    public List<InterviewGroup> InterviewsByTypeAndForm { get; set; } = [];

    /// <summary>Citizens in a contact course.</summary>
    public int CitizensInCourse { get; set; }

    /// <summary>Overdue citizens on the period's last day.</summary>
    public int OverdueCitizens { get; set; }

    /// <summary>Late registrations, out of the interviews.</summary>
    public FigureShare LateRegistrations { get; set; } = new();

    /// <summary>Next contacts planned beyond the limit, out of the interviews.</summary>
    public FigureShare NextContactBeyondLimit { get; set; } = new();

    /// <summary>Interviews whose registration lacks at least one mandatory item, out of the interviews.</summary>
    public FigureShare AnyMandatoryItemMissing { get; set; } = new();

    /// <summary>Per item mandatory for the authority's kind: the interviews whose registration lacks it.</summary>
    [XmlArray("MissingMandatoryItems")]
    [XmlArrayItem("Item")]
    public List<ItemShare> MissingMandatoryItems { get; set; } = [];

    /// <summary>For a municipality, per voluntary item: the interviews whose registration holds it. Empty for a unit.</summary>
    [XmlArray("VoluntaryItemUptake")]
    [XmlArrayItem("Item")]
    public List<ItemShare> VoluntaryItemUptake { get; set; } = [];

    /// <summary>The interviews by match category, every category listed.</summary>
    [XmlArray("MatchCategories")]
    [XmlArrayItem("Category")]
    public List<CategoryCount> MatchCategories { get; set; } = [];

    /// <summary>How the match category of citizens with two or more interviews moved.</summary>
    public MatchMovement MatchMovement { get; set; } = new();

    /// <summary>Per calendar month the period touches.</summary>
    [XmlArray("Months")]
    [XmlArrayItem("Month")]
    public List<MonthFigures> Months { get; set; } = [];

    /// <summary>What each figure counts, in English and Danish.</summary>
    [XmlArray("Definitions")]
    [XmlArrayItem("Definition")]
    public List<FigureDefinition> Definitions { get; set; } = [];

    /// <summary>Interviews first registered in the browser registration tool, out of the interviews (contract 1.5).</summary>
    public FigureShare ThroughRegistrationTool { get; set; } = new();
}
