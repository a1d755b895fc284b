using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>The kind of a data-responsible authority or of an other actor, domain § 2.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum AuthorityKind
{
    /// <summary>A municipality (kommune/jobcenter), identified by its 3-digit municipality code.</summary>
    Municipality,
    /// <summary>An Employment Service unit (Arbejdsformidlingen), identified by its unit code.</summary>
    EmploymentServiceUnit,
    /// <summary>An other actor (anden aktør) acting for a municipality or unit, identified by its CVR number.</summary>
    OtherActor,
}
