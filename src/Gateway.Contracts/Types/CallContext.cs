using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>
/// The call context every call carries as a SOAP header (§ 5): the connection agreement, the acting authority, the
/// principal when an other actor acts for one, the case worker (or <see cref="SystemCall"/>), and the caller's call id.
/// WCF clients add it with <see cref="Gateway.Contracts.CallContextBehavior"/>.
/// </summary>
[XmlType(Namespace = ContractNamespace.V1)]
[XmlRoot(ElementName, Namespace = ContractNamespace.V1)]
public sealed class CallContext
{
    /// <summary>The header's element name.</summary>
    public const string ElementName = "CallContext";

    /// <summary>The connection agreement the call is made under.</summary>
    public Guid AgreementId { get; set; }

    /// <summary>The authority making the call: the agreement's authority.</summary>
    public Authority ActingAuthority { get; set; } = new();

    /// <summary>The municipality or unit an other actor acts for; required when, and only when, the acting authority is an other actor.</summary>
    public Authority? Principal { get; set; }

    /// <summary>The case worker's user id in the calling system; null for a system call.</summary>
    public string? CaseWorkerId { get; set; }

    /// <summary>Set (to an instance) instead of <see cref="CaseWorkerId"/> when no case worker makes the call.</summary>
    public SystemCall? SystemCall { get; set; }

    /// <summary>The caller's own id of this call, 1-64 printable characters, for tracing it in both systems.</summary>
    public string CallId { get; set; } = "";
}
