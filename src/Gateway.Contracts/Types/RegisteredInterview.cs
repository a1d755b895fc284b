using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>One stored registration: the items as registered, with the automatically recorded part of item 1.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class RegisteredInterview
{
    /// <summary>The registration's id.</summary>
    public Guid RegistrationId { get; set; }

    /// <summary>The version shown.</summary>
    public int Version { get; set; }

    /// <summary>When the gateway received this version (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The responsible authority the registration was made for.</summary>
    public Authority ResponsibleAuthority { get; set; } = new();

    /// <summary>The other actor that made the version shown (registered it, or made its latest correction) on the authority's behalf, if any.</summary>
    public Authority? OtherActor { get; set; }

    /// <summary>The case worker who made the version shown.</summary>
    public string CaseWorkerId { get; set; } = "";

    /// <summary>Whether the registration came later than the threshold after the interview.</summary>
    public bool Late { get; set; }

    /// <summary>The registered items, exactly as accepted.</summary>
    public InterviewRegistration Interview { get; set; } = new();

    /// <summary>Whether the version shown registered or corrected the interview.</summary>
    public ChangeKind Change { get; set; }

    /// <summary>The reason given for a correction.</summary>
    public string? Reason { get; set; }

    /// <summary>Which way the version shown came: through the web services or the registration tool (contract 1.5).</summary>
    public RegistrationChannel Channel { get; set; }
}
