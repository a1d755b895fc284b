using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>Job-search behaviour (jobsøgeadfærd), § 2 stk. 2 nr. 11.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class JobSearchBehaviour
{
    /// <summary>The case worker's assessment.</summary>
    public JobSearchAssessment Assessment { get; set; }

    /// <summary>Optional free text, at most 1000 characters.</summary>
    public string? Text { get; set; }
}
