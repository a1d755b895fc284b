namespace Gateway.Host.Background;

/// <summary>What the access-log sealer found at its last pass: how old the oldest entry left unsealed was (zero when none was).</summary>
internal sealed class SealerProgress
{
    private long _lagTicks = -1;

    /// <summary>The lag at the last pass; null before the first.</summary>
    public TimeSpan? Lag => Interlocked.Read(ref _lagTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Records a pass's finding.</summary>
    public void Found(TimeSpan? oldestUnsealed) => Interlocked.Exchange(ref _lagTicks, (oldestUnsealed ?? TimeSpan.Zero).Ticks);
}
