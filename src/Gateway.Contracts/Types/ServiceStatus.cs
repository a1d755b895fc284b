using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>The answer to <c>Ping</c>.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class ServiceStatus
{
    /// <summary>The gateway's clock (UTC).</summary>
    public DateTime ServerTime { get; set; }

    /// <summary>The gateway's version.</summary>
    public string Version { get; set; } = "";
}
