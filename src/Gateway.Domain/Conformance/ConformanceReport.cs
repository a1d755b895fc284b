namespace Gateway.Domain.Conformance;

/// <summary>Where an IT system stands on the scenarios that apply to it.</summary>
/// <param name="Results">One result per applicable scenario, in catalogue order.</param>
public sealed record ConformanceReport(IReadOnlyList<ScenarioResult> Results)
{
    /// <summary>The required scenarios not passed yet: what keeps the system out of Production.</summary>
    public IReadOnlyList<ScenarioResult> Missing => [.. Results.Where(r => r.Scenario.Required && r.State != ScenarioState.Passed)];

    /// <summary>Whether every required scenario is passed.</summary>
    public bool Certified => Missing.Count == 0;
}
