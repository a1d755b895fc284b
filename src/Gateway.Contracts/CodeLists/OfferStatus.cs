using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Whether an offer is planned or has started, § 2 stk. 2 nr. 8.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum OfferStatus
{
    /// <summary>Planned.</summary>
    Planlagt,
    /// <summary>Started.</summary>
    Paabegyndt,
}
