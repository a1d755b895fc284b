namespace Gateway.Cli.Agreements;

/// <summary>What the production gate made of a change (<see cref="ConformanceGateCheck.JudgeAsync"/>).</summary>
/// <param name="Refused">The exit code when the change is refused (the message already written); null when it may go ahead.</param>
/// <param name="ConformanceOverride">When an operator let it through: what the history records about it; null otherwise.</param>
public sealed record GateOutcome(int? Refused, string? ConformanceOverride)
{
    /// <summary>Passed: the change goes ahead with nothing to record about the gate.</summary>
    public static GateOutcome Passed { get; } = new(null, null);
}
