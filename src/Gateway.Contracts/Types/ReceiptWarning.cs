using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>A warning on an accepted registration.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class ReceiptWarning
{
    /// <summary>Stable code, for example <c>Warning.LateRegistration</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Human-readable explanation.</summary>
    public string Text { get; set; } = "";
}
