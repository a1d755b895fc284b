using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>The next contact, § 2 stk. 2 nr. 10: exactly one of a planned date or an end reason.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class NextContact
{
    /// <summary>Date of the next planned interview, after the interview date; more than 3 months ahead gives a warning.</summary>
    [XmlElement(DataType = "date")]
    public DateTime PlannedOn { get; set; }

    /// <summary>Whether <see cref="PlannedOn"/> is present.</summary>
    [XmlIgnore]
    public bool PlannedOnSpecified { get; set; }

    /// <summary>Why the course ends and no next contact is planned.</summary>
    public CourseEndReason EndReason { get; set; }

    /// <summary>Whether <see cref="EndReason"/> is present.</summary>
    [XmlIgnore]
    public bool EndReasonSpecified { get; set; }
}
