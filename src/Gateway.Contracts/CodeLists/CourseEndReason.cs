using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Why no next contact is planned, § 2 stk. 2 nr. 10.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum CourseEndReason
{
    /// <summary>The citizen is self-supporting.</summary>
    Selvforsoergelse,
    /// <summary>The citizen moves to another benefit or authority.</summary>
    Overgang,
    /// <summary>Any other reason.</summary>
    Andet,
}
