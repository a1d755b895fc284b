namespace Gateway.Benchmarks.Load;

/// <summary>How hard and how long the closed-loop client drives each scenario.</summary>
internal sealed record LoadSettings(int Concurrency, TimeSpan Warmup, TimeSpan Duration, int MaxRequests);
