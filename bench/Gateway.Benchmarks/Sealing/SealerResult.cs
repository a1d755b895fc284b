namespace Gateway.Benchmarks.Sealing;

/// <summary>One timed <c>AccessLogSealer.SealAsync</c> pass, and the state of the access log it found.</summary>
/// <param name="FreshBatch">
/// False when the pass sealed what the run's scenarios had left unsealed; true when the gateway's own sealer had kept up,
/// and the pass sealed a batch recorded for the measurement instead.
/// </param>
/// <param name="Entries">Entries the timed pass sealed.</param>
/// <param name="Seconds">How long it took.</param>
/// <param name="Written">Entries the run wrote to the access log (its preparations included).</param>
/// <param name="SealedInBackground">Of those, the ones the gateway's background sealer had sealed when the load ended.</param>
internal sealed record SealerResult(bool FreshBatch, int Entries, double Seconds, long Written, long SealedInBackground)
{
    public double EntriesPerSecond => Seconds > 0 ? Entries / Seconds : 0;
}
