using Gateway.Benchmarks.Load;
using Gateway.Benchmarks.Supervision;

namespace Gateway.Benchmarks.Scale;

/// <summary>
/// One size of the gateway scale run: what the data basis held when measured, what growing it took (null when a kept folder
/// was that large already), the sealing of the seeded access-log entries, the chain check, and the scenarios measured.
/// </summary>
internal sealed record GatewayScalePoint(
    long TargetRegistrations, long Registrations, long Versions, long AccessLogEntries, long DatabaseBytes, SeedStep? Seed,
    long SealedEntries, double SealSeconds, ChainCheck Chain, IReadOnlyList<ScenarioResult> Scenarios);

/// <summary>The access-log chain verified after the measurement (or skipped above a size, as too slow for the run).</summary>
internal sealed record ChainCheck(bool Checked, bool Intact, long Verified, long NotYetSealed, double Seconds, string? FirstBreak);
