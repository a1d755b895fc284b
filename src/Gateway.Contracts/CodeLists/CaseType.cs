using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Case type (sagstype): decides which authority is responsible, domain § 3.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum CaseType
{
    /// <summary>Unemployment benefit case (dagpengesag); an Employment Service unit is responsible.</summary>
    Dagpenge,
    /// <summary>Cash benefit case (kontanthjælpssag); a municipality is responsible.</summary>
    Kontanthjaelp,
    /// <summary>Start benefit case (starthjælpssag); a municipality is responsible.</summary>
    Starthjaelp,
}
