using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>A citizen's individual contact course (individuelt kontaktforløb) as the shared data basis holds it.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class ContactCourse
{
    /// <summary>The citizen's CPR number.</summary>
    public string Cpr { get; set; } = "";

    /// <summary>The case type of the latest interview.</summary>
    public CaseType CurrentCaseType { get; set; }

    /// <summary>Whether <see cref="CurrentCaseType"/> is present (absent when nothing is registered).</summary>
    [XmlIgnore]
    public bool CurrentCaseTypeSpecified { get; set; }

    /// <summary>The authority responsible for the latest interview.</summary>
    public Authority? ResponsibleAuthority { get; set; }

    /// <summary>The match category of the latest interview.</summary>
    public MatchCategory LatestMatchCategory { get; set; }

    /// <summary>Whether <see cref="LatestMatchCategory"/> is present.</summary>
    [XmlIgnore]
    public bool LatestMatchCategorySpecified { get; set; }

    /// <summary>The next planned contact given at the latest interview.</summary>
    [XmlElement(DataType = "date")]
    public DateTime NextPlannedContact { get; set; }

    /// <summary>Whether <see cref="NextPlannedContact"/> is present.</summary>
    [XmlIgnore]
    public bool NextPlannedContactSpecified { get; set; }

    /// <summary>Every registration, latest version, oldest interview first.</summary>
    [XmlArray("Registrations")]
    [XmlArrayItem("Registration")]
    public List<RegisteredInterview> Registrations { get; set; } = [];
}
