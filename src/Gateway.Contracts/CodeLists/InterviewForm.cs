using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Form of the interview, § 2 stk. 2 nr. 3.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum InterviewForm
{
    /// <summary>In person.</summary>
    Personligt,
    /// <summary>By telephone.</summary>
    Telefon,
    /// <summary>Digitally (written, self-service).</summary>
    Digitalt,
    /// <summary>By letter.</summary>
    Brev,
    /// <summary>By video.</summary>
    Video,
}
