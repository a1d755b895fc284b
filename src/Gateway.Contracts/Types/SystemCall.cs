using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>Marks a call made by the IT system itself, on behalf of no case worker.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class SystemCall;
