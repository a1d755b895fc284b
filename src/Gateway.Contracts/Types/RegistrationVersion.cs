using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>One version of a registration: what changed, why, when, by whom, and the items as they stood after it.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class RegistrationVersion
{
    /// <summary>The version number, 1 for the first.</summary>
    public int Version { get; set; }

    /// <summary>Registered, corrected or cancelled.</summary>
    public ChangeKind Change { get; set; }

    /// <summary>The reason given for a correction or cancellation.</summary>
    public string? Reason { get; set; }

    /// <summary>When the gateway received this version (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The other actor that made this version for the responsible authority, if any.</summary>
    public Authority? OtherActor { get; set; }

    /// <summary>The case worker who made this version.</summary>
    public string CaseWorkerId { get; set; } = "";

    /// <summary>Whether the registration came later than the threshold after the interview.</summary>
    public bool Late { get; set; }

    /// <summary>The items as they stood after this version.</summary>
    public InterviewRegistration Interview { get; set; } = new();

    /// <summary>Which way this version came: through the web services or the registration tool (contract 1.5).</summary>
    public RegistrationChannel Channel { get; set; }
}
