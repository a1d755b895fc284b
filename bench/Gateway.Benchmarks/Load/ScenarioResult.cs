using System.Diagnostics;

namespace Gateway.Benchmarks.Load;

/// <summary>What one scenario measured.</summary>
internal sealed record ScenarioResult(
    string Name, long Requests, double Seconds, double P50Milliseconds, double P99Milliseconds, int Errors, string? FirstError, bool Capped)
{
    /// <summary>Cores that processes outside the benchmark used meanwhile, on average (null when unknown).</summary>
    public double? OtherCores { get; init; }

    /// <summary>CPU time per successful measured request (null when not sampled or unknown).</summary>
    public CpuPerRequest? Cpu { get; init; }

    /// <summary>Whether the scenario ran out of requests to send before the window closed; the window then ends at its last answer.</summary>
    public bool RanOut { get; init; }

    /// <summary>Entries the measured answers carried (a page's entries, say); 0 where the scenario does not count them.</summary>
    public long Entries { get; init; }

    /// <summary>Measured requests the gateway shed with <c>Server.Busy</c> (not in <see cref="Requests"/>, not errors).</summary>
    public long Shed { get; init; }

    /// <summary>Successful measured requests per second.</summary>
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Entries per second in the measured answers.</summary>
    public double EntriesPerSecond => Seconds > 0 ? Entries / Seconds : 0;

    /// <summary>Merges the workers' buffers. The window runs from its start to the end of the last measured request.</summary>
    public static ScenarioResult From(string name, IReadOnlyList<LoadWorker> workers, long measureStart)
    {
        var all = new long[workers.Sum(w => w.Count)];
        var at = 0;
        foreach (var worker in workers)
        {
            worker.Latencies.CopyTo(all.AsSpan(at));
            at += worker.Count;
        }

        Array.Sort(all);
        var lastEnd = workers.Max(w => w.LastEnd);
        return new ScenarioResult(
            name,
            all.Length,
            all.Length == 0 ? 0 : Stopwatch.GetElapsedTime(measureStart, lastEnd).TotalSeconds,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            workers.Sum(w => w.Errors),
            workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null),
            workers.Any(w => w.Capped))
        {
            Entries = workers.Sum(w => w.Entries),
            Shed = workers.Sum(w => (long)w.Shed),
            RanOut = workers.Any(w => w.RanOut),
        };
    }

    // Nearest rank: the smallest latency that at least this share of requests did not exceed.
    private static double Percentile(long[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN
        : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
