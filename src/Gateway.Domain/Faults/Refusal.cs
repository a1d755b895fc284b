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
}
