namespace Gateway.Benchmarks.Sealing;

/// <summary>
/// Access-log entries one scenario wrote, warm-up included, and over how long: the rate the sealer has to keep up with;
/// and how many entries of the whole log were unsealed when it ended, which stays small while the gateway's sealer keeps up.
/// </summary>
internal sealed record AccessLogWrites(string Scenario, long Entries, double Seconds, long UnsealedAtEnd)
{
    public double EntriesPerSecond => Seconds > 0 ? Entries / Seconds : 0;
}
