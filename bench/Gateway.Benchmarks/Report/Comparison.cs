using Gateway.Benchmarks.Load;

namespace Gateway.Benchmarks.Report;

/// <summary>A gateway scenario set against a baseline scenario, by name.</summary>
internal sealed record Comparison(string Gateway, string Baseline)
{
    /// <summary>Gateway ÷ baseline for throughput, p50 and p99; null when either scenario is missing from the results.</summary>
    public (double Throughput, double P50, double P99)? Ratios(IReadOnlyList<ScenarioResult> results)
    {
        var gateway = results.FirstOrDefault(r => r.Name == Gateway);
        var baseline = results.FirstOrDefault(r => r.Name == Baseline);
        return gateway is null || baseline is null
            ? null
            : (gateway.RequestsPerSecond / baseline.RequestsPerSecond,
               gateway.P50Milliseconds / baseline.P50Milliseconds,
               gateway.P99Milliseconds / baseline.P99Milliseconds);
    }
}
