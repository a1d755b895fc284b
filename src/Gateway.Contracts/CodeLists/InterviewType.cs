using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Interview type, § 2 stk. 2 nr. 2.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum InterviewType
{
    /// <summary>Contact interview (kontaktsamtale).</summary>
    Kontaktsamtale,
    /// <summary>Job interview (jobsamtale).</summary>
    Jobsamtale,
    /// <summary>Follow-up interview (opfølgningssamtale).</summary>
    Opfoelgningssamtale,
    /// <summary>CV interview (CV-samtale).</summary>
    CvSamtale,
    /// <summary>Any other interview.</summary>
    Andet,
}
