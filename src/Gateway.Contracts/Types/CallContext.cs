using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>Who is calling: the acting authority, the principal when an other actor acts for one, and the case worker.</summary>
/// <remarks>
/// Contract v1 carries the call context in the request body until connection agreements (§ 4) arrive;
/// it then moves to a SOAP header together with the agreement id and the caller's call id.
/// </remarks>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class CallContext
{
    /// <summary>The authority making the call: a municipality, an Employment Service unit, or an other actor.</summary>
    public Authority ActingAuthority { get; set; } = new();

    /// <summary>The municipality or unit an other actor acts for; required when, and only when, the acting authority is an other actor.</summary>
    public Authority? Principal { get; set; }

    /// <summary>The case worker's user id in the calling system.</summary>
    public string CaseWorkerId { get; set; } = "";
}
