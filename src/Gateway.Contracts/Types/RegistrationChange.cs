using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>One stored write: a registration, correction or cancellation, with the request id it was sent under.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class RegistrationChange
{
    /// <summary>The registration's id.</summary>
    public Guid RegistrationId { get; set; }

    /// <summary>The version the write stored.</summary>
    public int Version { get; set; }

    /// <summary>Registered, corrected or cancelled.</summary>
    public ChangeKind Change { get; set; }

    /// <summary>When the gateway received it (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The caller's request id of the write; absent for writes stored before request ids existed.</summary>
    public string? RequestId { get; set; }

    /// <summary>The citizen's CPR number.</summary>
    public string Cpr { get; set; } = "";

    /// <summary>The case type of the version.</summary>
    public CaseType CaseType { get; set; }

    /// <summary>The date of the interview.</summary>
    [XmlElement(DataType = "date")]
    public DateTime HeldOn { get; set; }

    /// <summary>The other actor that made the write for the responsible authority, if any.</summary>
    public Authority? OtherActor { get; set; }

    /// <summary>The case worker who made the write.</summary>
    public string CaseWorkerId { get; set; } = "";

    /// <summary>Which way the write came: through the web services or the registration tool (contract 1.5).</summary>
    public RegistrationChannel Channel { get; set; }
}
