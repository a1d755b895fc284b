namespace Gateway.Domain.Conformance;

/// <summary>Where an IT system stands on one scenario.</summary>
public enum ScenarioState
{
    /// <summary>No call has shown it yet, right or wrong.</summary>
    NotYet,

    /// <summary>The calls so far show it handled wrongly (a near miss), and none shows it handled right.</summary>
    Failed,

    /// <summary>A call sequence shows it.</summary>
    Passed,
}

/// <summary>The judgement of one scenario on an IT system's observed calls.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="State">Passed, failed or not yet.</param>
/// <param name="Evidence">The call ids of the calls that decided it, in order; empty when not yet.</param>
/// <param name="At">When the deciding call ended; null when not yet.</param>
/// <param name="Note">For a failure, what went wrong; otherwise null.</param>
public sealed record ScenarioResult(ConformanceScenario Scenario, ScenarioState State, IReadOnlyList<string> Evidence, DateTimeOffset? At, string? Note)
{
    /// <summary>Not shown yet.</summary>
    public static ScenarioResult NotYet(ConformanceScenario scenario) => new(scenario, ScenarioState.NotYet, [], null, null);

    /// <summary>Shown by <paramref name="calls"/>, the last of which decided it.</summary>
    public static ScenarioResult Passed(ConformanceScenario scenario, params ObservedCall[] calls) =>
        new(scenario, ScenarioState.Passed, [.. calls.Select(c => c.CallId)], calls[^1].At, null);

    /// <summary>Handled wrongly, as <paramref name="note"/> says, in <paramref name="calls"/>.</summary>
    public static ScenarioResult Failed(ConformanceScenario scenario, string note, params ObservedCall[] calls) =>
        new(scenario, ScenarioState.Failed, [.. calls.Select(c => c.CallId)], calls[^1].At, note);
}
