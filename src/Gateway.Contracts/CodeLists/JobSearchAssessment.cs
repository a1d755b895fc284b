using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Assessment of job-search behaviour (jobsøgeadfærd), § 2 stk. 2 nr. 11.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum JobSearchAssessment
{
    /// <summary>Active job search.</summary>
    Aktiv,
    /// <summary>Partial job search.</summary>
    Delvis,
    /// <summary>No job search.</summary>
    Ingen,
    /// <summary>Not assessed.</summary>
    IkkeVurderet,
}
