using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Kind of an offer, § 2 stk. 2 nr. 8.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum OfferKind
{
    /// <summary>Guidance and upskilling (vejledning og opkvalificering).</summary>
    VejledningOgOpkvalificering,
    /// <summary>Work placement (virksomhedspraktik).</summary>
    Virksomhedspraktik,
    /// <summary>Wage-subsidised employment (ansættelse med løntilskud).</summary>
    Loentilskud,
    /// <summary>Any other offer.</summary>
    Andet,
}
