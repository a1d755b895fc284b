using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>An employment goal, § 2 stk. 2 nr. 5.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class EmploymentGoal
{
    /// <summary>4-digit DISCO-88 occupation code.</summary>
    public string OccupationCode { get; set; } = "";

    /// <summary>Optional free text, at most 200 characters.</summary>
    public string? Text { get; set; }
}
