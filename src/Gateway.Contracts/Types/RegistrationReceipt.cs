using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>The gateway's receipt for a stored registration.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class RegistrationReceipt
{
    /// <summary>The registration's id, to quote in later corrections.</summary>
    public Guid RegistrationId { get; set; }

    /// <summary>The version stored; 1 for a new registration.</summary>
    public int Version { get; set; }

    /// <summary>When the gateway received the registration (UTC, server clock).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>Whether the registration came later than the threshold after the interview.</summary>
    public bool Late { get; set; }

    /// <summary>Things the registration was accepted with but that deserve attention.</summary>
    [XmlArray("Warnings")]
    [XmlArrayItem("Warning")]
    public List<ReceiptWarning> Warnings { get; set; } = [];
}
