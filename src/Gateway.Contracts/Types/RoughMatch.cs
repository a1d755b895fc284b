using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>Rough match (grovmatch), § 2 stk. 2 nr. 6.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class RoughMatch
{
    /// <summary>The outcome of the rough match.</summary>
    public RoughMatchOutcome Outcome { get; set; }

    /// <summary>The DISCO-88 occupation codes that were matched (up to five).</summary>
    [XmlElement("OccupationCode")]
    public List<string> OccupationCodes { get; set; } = [];
}
