using System.Xml.Serialization;

namespace Gateway.Contracts.CodeLists;

/// <summary>Match category (matchkategori), § 2 stk. 2 nr. 4. Categories 1-3 are ready for the labour market, 4-5 are not.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public enum MatchCategory
{
    /// <summary>1: immediate match.</summary>
    UmiddelbartMatch = 1,
    /// <summary>2: high degree of match.</summary>
    HoejGradAfMatch = 2,
    /// <summary>3: partial match.</summary>
    DelvisMatch = 3,
    /// <summary>4: low degree of match.</summary>
    LavGradAfMatch = 4,
    /// <summary>5: no match.</summary>
    IntetMatch = 5,
}
