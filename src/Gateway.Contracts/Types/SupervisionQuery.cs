using System.ComponentModel;
using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>Whose supervision figures, for which period: both days included, at most five years (contract 1.4).</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class SupervisionQuery
{
    /// <summary>The municipality or Employment Service unit responsible for the registrations counted.</summary>
    public Authority Authority { get; set; } = new();

    /// <summary>The period's first day.</summary>
    [XmlElement(DataType = "date")]
    public DateTime From { get; set; }

    /// <summary>The period's last day; overdue is judged on it.</summary>
    [XmlElement(DataType = "date")]
    public DateTime To { get; set; }
}

/// <summary>Whose overdue citizens, judged on which day, and whether with CPR numbers in full (contract 1.4).</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class OverdueQuery
{
    /// <summary>The municipality or Employment Service unit responsible for the registrations.</summary>
    public Authority Authority { get; set; } = new();

    /// <summary>The day overdue is judged on.</summary>
    [XmlElement(DataType = "date")]
    public DateTime AsOf { get; set; }

    /// <summary>True to list CPR numbers in full (the agreement must carry that scope); otherwise they are masked.</summary>
    [DefaultValue(false)]
    public bool IncludeCpr { get; set; }
}
