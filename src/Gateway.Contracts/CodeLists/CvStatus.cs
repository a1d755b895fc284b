using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Status of the citizen's CV, § 2 stk. 2 nr. 9.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum CvStatus
{
    /// <summary>Registered.</summary>
    Registreret,
    /// <summary>Updated at this interview.</summary>
    Opdateret,
    /// <summary>Missing.</summary>
    Mangler,
}
