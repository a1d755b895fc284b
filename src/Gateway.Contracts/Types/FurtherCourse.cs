using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>Agreements on the further course, § 2 stk. 2 nr. 7: at least one agreement, or the reason there is none.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class FurtherCourse
{
    /// <summary>The agreements made (up to 20).</summary>
    [XmlElement("Agreement")]
    public List<CourseAgreement> Agreements { get; set; } = [];

    /// <summary>Why no agreement was made, at most 500 characters; required when there are no agreements.</summary>
    public string? NoAgreementReason { get; set; }
}
