using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>One registration with every version it has had, oldest first; the last is the current one.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class InterviewHistory
{
    /// <summary>The registration's id.</summary>
    public Guid RegistrationId { get; set; }

    /// <summary>The citizen's CPR number.</summary>
    public string Cpr { get; set; } = "";

    /// <summary>The authority responsible for the registration.</summary>
    public Authority ResponsibleAuthority { get; set; } = new();

    /// <summary>The current version, to quote in the next correction or cancellation.</summary>
    public int CurrentVersion { get; set; }

    /// <summary>Whether the registration is cancelled.</summary>
    public bool Cancelled { get; set; }

    /// <summary>Every version, oldest first.</summary>
    [XmlArray("Versions")]
    [XmlArrayItem("Version")]
    public List<RegistrationVersion> Versions { get; set; } = [];
}
