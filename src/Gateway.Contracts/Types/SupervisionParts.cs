using System.Xml.Serialization;
using Gateway.Contracts.CodeLists;

namespace Gateway.Contracts.Types;

/// <summary>A count out of a whole, as the supervision figures give shares: the share is <see cref="Count"/> / <see cref="Of"/>, 0 when Of is 0.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class FigureShare
{
    /// <summary>How many.</summary>
    public int Count { get; set; }

    /// <summary>Out of how many.</summary>
    public int Of { get; set; }
}

/// <summary>A share for one item of § 2 stk. 2.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class ItemShare
{
    /// <summary>The item, by its name (for example <c>EmploymentGoals</c>).</summary>
    public string Item { get; set; } = "";

    /// <summary>How many interviews.</summary>
    public int Count { get; set; }

    /// <summary>Out of how many.</summary>
    public int Of { get; set; }
}

/// <summary>Interviews of one type and form.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class InterviewGroup
{
    /// <summary>The interview type.</summary>
    public InterviewType Type { get; set; }

    /// <summary>The form.</summary>
    public InterviewForm Form { get; set; }

    /// <summary>How many interviews.</summary>
    public int Interviews { get; set; }
}

/// <summary>Interviews with one match category.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class CategoryCount
{
    /// <summary>The category.</summary>
    public MatchCategory Category { get; set; }

    /// <summary>How many interviews registered it.</summary>
    public int Interviews { get; set; }
}

/// <summary>Citizens by how their match category moved between their first and last interview in the period.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class MatchMovement
{
    /// <summary>Closer to the labour market (a lower category).</summary>
    public int Closer { get; set; }

    /// <summary>Further from it.</summary>
    public int Further { get; set; }

    /// <summary>Unchanged.</summary>
    public int Unchanged { get; set; }
}

/// <summary>One calendar month of the period.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class MonthFigures
{
    /// <summary>The month's first day.</summary>
    [XmlElement(DataType = "date")]
    public DateTime First { get; set; }

    /// <summary>Interviews held in it, within the period.</summary>
    public int Interviews { get; set; }

    /// <summary>Late registrations among them.</summary>
    public int Late { get; set; }
}

/// <summary>What one figure of the report counts.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class FigureDefinition
{
    /// <summary>The figure's stable id, for example <c>overdue-citizens</c>.</summary>
    public string Figure { get; set; } = "";

    /// <summary>Its name in English.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its name in Danish.</summary>
    public string NameDa { get; set; } = "";

    /// <summary>The definition.</summary>
    public string Text { get; set; } = "";
}
