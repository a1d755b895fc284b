namespace Gateway.Benchmarks.Supervision;

/// <summary>One size of the scale run: what the database held, what growing it to that size took, and the scenarios' times.</summary>
internal sealed record ScalePoint(
    long TargetRegistrations, long Registrations, long Versions, long AccessLogEntries, long Citizens, long DatabaseBytes, SeedStep? Seed,
    IReadOnlyList<ScenarioTimes> Scenarios);
