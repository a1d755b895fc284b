namespace Gateway.Domain.Faults;

/// <summary>An expected refusal: a result carrying its code, turned into a SOAP fault only by the fault stage.</summary>
/// <param name="Code">The catalogue code.</param>
/// <param name="Fields">For validation refusals, one entry per offending field.</param>
public sealed record Refusal(FaultCode Code, IReadOnlyList<FieldViolation> Fields)
{
    /// <summary>A refusal without field details.</summary>
    public Refusal(FaultCode code)
        : this(code, [])
    {
    }

    /// <summary>The human text: the catalogue's, unless a conformance drill says instead that it is one (<see cref="Conformance.ConformanceDrills.FaultText"/>).</summary>
    public string Text => DrillText ?? Code.Text;

    /// <summary>For a fault a conformance drill answers with on purpose, its text; otherwise null.</summary>
    public string? DrillText { get; init; }
}
