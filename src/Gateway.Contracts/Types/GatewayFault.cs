using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>The detail of every SOAP fault the gateway sends.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
[XmlRoot(ElementName, Namespace = ContractNamespace.V1)]
public sealed class GatewayFault
{
    /// <summary>The element name of the fault detail.</summary>
    public const string ElementName = "GatewayFault";

    /// <summary>Stable hierarchical code, for example <c>Client.Validation.SchemaViolation</c>. See the fault catalogue.</summary>
    public string Code { get; set; } = "";

    /// <summary>Human-readable text that names the fix; never internals.</summary>
    public string Text { get; set; } = "";

    /// <summary>Quote this when reporting the problem; it finds the call in the gateway's records.</summary>
    public string CorrelationId { get; set; } = "";

    /// <summary>Whether sending the same request again may succeed.</summary>
    public bool Retryable { get; set; }

    /// <summary>For validation faults: one entry per offending field.</summary>
    [XmlArray("FieldErrors")]
    [XmlArrayItem("FieldError")]
    public List<FieldError>? FieldErrors { get; set; }
}
