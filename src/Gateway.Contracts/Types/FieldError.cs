using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>One offending field of a refused request.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class FieldError
{
    /// <summary>Path of the field in the request, for example <c>Registration/NextContact/PlannedOn</c>.</summary>
    public string Field { get; set; } = "";

    /// <summary>Stable code of the rule broken, for example <c>Cpr.Invalid</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Human-readable text.</summary>
    public string Text { get; set; } = "";
}
