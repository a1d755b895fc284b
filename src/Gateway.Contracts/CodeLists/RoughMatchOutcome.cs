using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Outcome of the rough match (grovmatch), § 2 stk. 2 nr. 6.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum RoughMatchOutcome
{
    /// <summary>The citizen matches the employment goals.</summary>
    Match,
    /// <summary>The citizen partly matches.</summary>
    DelvisMatch,
    /// <summary>The citizen does not match.</summary>
    IntetMatch,
}
