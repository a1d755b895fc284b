using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>An authority or other actor: its kind and its code (municipality code, unit code or CVR number).</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class Authority
{
    /// <summary>Municipality, Employment Service unit or other actor.</summary>
    public AuthorityKind Kind { get; set; }

    /// <summary>3-digit municipality code (kommunekode), the unit code, or the 8-digit CVR number of an other actor.</summary>
    public string Code { get; set; } = "";
}
