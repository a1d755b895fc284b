using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>What a version of a registration did (domain § 5): a registration is never overwritten, only given new versions.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum ChangeKind
{
    /// <summary>The first version: the interview as registered.</summary>
    Registered,
    /// <summary>A correction: the items as the responsible authority corrected them, with a reason.</summary>
    Corrected,
    /// <summary>A cancellation, with a reason; the registration no longer counts in the citizen's course.</summary>
    Cancelled,
}
