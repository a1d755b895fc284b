using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>One page of an authority's writes, in the order the data basis settled them.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class RegistrationPage
{
    /// <summary>The writes on this page, oldest settled first.</summary>
    [XmlArray("Entries")]
    [XmlArrayItem("Entry")]
    public List<RegistrationChange> Entries { get; set; } = [];

    /// <summary>Where the next page starts: send it back unchanged.</summary>
    public string NextCursor { get; set; } = "";

    /// <summary>Whether more writes are already waiting after this page.</summary>
    public bool More { get; set; }
}
