using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>A planned or started offer, § 2 stk. 2 nr. 8.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class Offer
{
    /// <summary>The kind of offer.</summary>
    public OfferKind Kind { get; set; }

    /// <summary>Planned or started.</summary>
    public OfferStatus Status { get; set; }

    /// <summary>The (planned) start date.</summary>
    [XmlElement(DataType = "date")]
    public DateTime StartDate { get; set; }
}
