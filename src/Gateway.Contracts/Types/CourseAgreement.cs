using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>One agreement on the further course, § 2 stk. 2 nr. 7.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class CourseAgreement
{
    /// <summary>What kind of agreement.</summary>
    public CourseAgreementKind Kind { get; set; }

    /// <summary>What was agreed, 1-1000 characters.</summary>
    public string Text { get; set; } = "";

    /// <summary>Optional deadline; not before the interview date.</summary>
    [XmlElement(DataType = "date")]
    public DateTime Deadline { get; set; }

    /// <summary>Whether <see cref="Deadline"/> is present.</summary>
    [XmlIgnore]
    public bool DeadlineSpecified { get; set; }
}
