using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>The interview itself, § 2 stk. 2 nr. 2.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class InterviewHeld
{
    /// <summary>The date the interview was held: not in the future, not before 2005-09-01.</summary>
    [XmlElement(DataType = "date")]
    public DateTime HeldOn { get; set; }

    /// <summary>The interview type.</summary>
    public InterviewType Type { get; set; }
}
