using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>
/// Which way a version of a registration reached the data basis (item 1 of § 2 stk. 2): the two ways to register the
/// order gives an authority. Kept with every version, since a correction can come another way than the registration did
/// (contract 1.5).
/// </summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum RegistrationChannel
{
    /// <summary>The authority's own IT system, through the web services (SOAP) under a connection agreement.</summary>
    WebServices,

    /// <summary>A case worker in the browser registration tool (Det Digitale Registreringsværktøj).</summary>
    RegistrationTool,
}
