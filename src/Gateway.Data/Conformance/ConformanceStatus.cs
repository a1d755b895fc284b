using Gateway.Domain.Conformance;

namespace Gateway.Data.Conformance;

/// <summary>Where an IT system stands, as <c>gatewayctl conformance status</c> and the partner's own <c>GET /conformance/v1/status</c> show it: the IT system, the catalogue, and each scenario that applies to it.</summary>
/// <param name="ItSystemId">The IT system.</param>
/// <param name="ItSystem">Its name.</param>
/// <param name="Catalogue">The catalogue version it is judged on.</param>
/// <param name="ContractVersion">The contract version of the catalogue.</param>
/// <param name="Certified">Whether every required scenario is passed.</param>
/// <param name="Drills">Whether the Test environment runs drills for the system (<c>gatewayctl conformance drills</c>).</param>
/// <param name="LastReset">The last reset, if any: calls before it do not count.</param>
/// <param name="Scenarios">One line per scenario that applies to the system's agreements.</param>
public sealed record ConformanceStatus(
    Guid ItSystemId, string ItSystem, string Catalogue, string ContractVersion, bool Certified, bool Drills, ConformanceReset? LastReset, IReadOnlyList<ScenarioStatus> Scenarios)
{
    /// <summary>The status of <paramref name="report"/> for the IT system.</summary>
    public static ConformanceStatus Of(Guid itSystemId, string name, ConformanceReport report, bool drills, ConformanceReset? lastReset) => new(
        itSystemId, name, ConformanceCatalogue.Version, ConformanceCatalogue.ContractVersion, report.Certified, drills, lastReset,
        [.. report.Results.Select(r => new ScenarioStatus(
            r.Scenario.Id, r.Scenario.Title, r.Scenario.Duty, r.Scenario.Required, r.State.ToString(), r.Evidence, r.At, r.Note,
            r.State == ScenarioState.Passed ? null : r.Scenario.NextStep))]);
}

/// <summary>One scenario's line.</summary>
/// <param name="Id">The scenario's stable id.</param>
/// <param name="Title">What it shows.</param>
/// <param name="Duty">The item of § 5 it proves.</param>
/// <param name="Required">Whether Production waits for it.</param>
/// <param name="State"><c>Passed</c>, <c>Failed</c> or <c>NotYet</c>.</param>
/// <param name="Evidence">The call ids that decided it.</param>
/// <param name="At">When it was decided.</param>
/// <param name="Note">For a failure, what went wrong.</param>
/// <param name="NextStep">Unless passed, what the system should do.</param>
public sealed record ScenarioStatus(
    string Id, string Title, int Duty, bool Required, string State, IReadOnlyList<string> Evidence, DateTimeOffset? At, string? Note, string? NextStep);
