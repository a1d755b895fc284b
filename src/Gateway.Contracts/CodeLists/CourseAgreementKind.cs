using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Kind of an agreement on the further course, § 2 stk. 2 nr. 7.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum CourseAgreementKind
{
    /// <summary>Job search.</summary>
    Jobsoegning,
    /// <summary>An offer.</summary>
    Tilbud,
    /// <summary>Education.</summary>
    Uddannelse,
    /// <summary>Anything else.</summary>
    Andet,
}
