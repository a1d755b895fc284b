using System.Xml.Serialization;

namespace Gateway.Contracts.Types;

/// <summary>One page of an authority's overdue citizens on a day (contract 1.4), most overdue first.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class OverdueCitizenPage
{
    /// <summary>The authority whose list it is.</summary>
    public Authority Authority { get; set; } = new();

    /// <summary>The day overdue was judged on.</summary>
    [XmlElement(DataType = "date")]
    public DateTime AsOf { get; set; }

    /// <summary>The overdue interval used, in months.</summary>
    public int OverdueAfterMonths { get; set; }

    /// <summary>How many citizens the whole list holds.</summary>
    public int Total { get; set; }

    /// <summary>This page's citizens.</summary>
    [XmlArray("Citizens")]
    [XmlArrayItem("Citizen")]
    public List<OverdueCitizen> Citizens { get; set; } = [];

    /// <summary>Where the next page starts: send it back unchanged. Absent on the last page.</summary>
    public string? NextCursor { get; set; }
}

/// <summary>One overdue citizen: the CPR number in full when it was asked for and the agreement allows it, else masked.</summary>
[XmlType(Namespace = ContractNamespace.V1)]
public sealed class OverdueCitizen
{
    /// <summary>The CPR number, in full.</summary>
    public string? Cpr { get; set; }

    /// <summary>The CPR number masked: the birth date part only (<c>010190-xxxx</c>).</summary>
    public string? MaskedCpr { get; set; }

    /// <summary>The citizen's latest registration.</summary>
    public Guid RegistrationId { get; set; }

    /// <summary>The day of the last interview.</summary>
    [XmlElement(DataType = "date")]
    public DateTime LastInterviewOn { get; set; }

    /// <summary>The next contact the latest registration planned, if any.</summary>
    [XmlElement(DataType = "date")]
    public DateTime NextContactOn { get; set; }

    /// <summary>Whether <see cref="NextContactOn"/> is present.</summary>
    [XmlIgnore]
    public bool NextContactOnSpecified { get; set; }
}
