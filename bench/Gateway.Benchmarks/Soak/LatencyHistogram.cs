namespace Gateway.Benchmarks.Soak;

/// <summary>
/// Latencies counted in buckets 2 % wide from 10 µs to beyond a minute, so that an hour's soak keeps constant memory (the
/// soak measures the process's RSS, which a growing list of latencies would grow) and percentiles are within 2 %.
/// Thread-safe; <see cref="Add"/> is one interlocked increment.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double Smallest = 0.01;
    private const double Growth = 1.02;
    private const int Buckets = 800;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _counts = new long[Buckets];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add(double milliseconds)
    {
        var bucket = milliseconds <= Smallest ? 0 : Math.Min(Buckets - 1, (int)(Math.Log(milliseconds / Smallest) / LogGrowth) + 1);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The upper edge of the bucket holding the given share of the latencies (nearest rank); NaN when empty.</summary>
    public double Percentile(double share)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(share * total);
        var seen = 0L;
        for (var i = 0; i < Buckets; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Smallest * Math.Pow(Growth, i);
            }
        }

        return Smallest * Math.Pow(Growth, Buckets - 1);
    }
}
