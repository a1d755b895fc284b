using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Conformance;

/// <summary>
/// One conformance scenario of the catalogue (<see cref="ConformanceCatalogue"/>): what an IT system must show with
/// real calls in the Test environment before it is admitted to Production.
/// </summary>
/// <param name="Id">The stable id, quoted in reports and by the production gate.</param>
/// <param name="Title">What the system shows, in one line.</param>
/// <param name="Duty">The item of § 5 it proves (domain.md § 8, 1-6).</param>
/// <param name="Operations">The operations it involves; it applies to a target that allows all of them.</param>
/// <param name="Required">Whether Production waits for it; an optional scenario is shown but never gates.</param>
/// <param name="Passes">What counts as passed, in words: the definition the evaluation carries out.</param>
/// <param name="NextStep">What the system should do to pass it, shown while it has not.</param>
/// <param name="Drill">The drill the Test environment runs for it, if it needs one.</param>
/// <param name="CaseType">The case type it registers, for a scenario of one case type; it applies to a target that registers it.</param>
public sealed record ConformanceScenario(
    string Id, string Title, int Duty, IReadOnlyList<string> Operations, bool Required, string Passes, string NextStep,
    ConformanceDrill? Drill = null, CaseType? CaseType = null)
{
    /// <summary>How the scenario is judged on the calls, in order; set by the catalogue.</summary>
    internal Func<ConformanceScenario, IReadOnlyList<ObservedCall>, ScenarioResult> Evaluate { get; init; } = (s, _) => ScenarioResult.NotYet(s);

    /// <summary>Whether the scenario applies to <paramref name="target"/>.</summary>
    public bool AppliesTo(ConformanceTarget target) =>
        target.Allows([.. Operations]) && (CaseType is not { } caseType || target.CaseTypes.Contains(caseType));
}
