using Gateway.Data.Agreements;
using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Usage;
using Gateway.Host.Telemetry;

namespace Gateway.Host.Background;

/// <summary>Adds the counted usage to the database every few seconds, and once more when the gateway stops.</summary>
internal sealed partial class UsageFlusher(UsageCounter counter, UsageStore store, GatewayMetrics metrics, TimeProvider clock, ILogger<UsageFlusher> logger)
    : PeriodicDuty(clock)
{
    /// <summary>How often counts are stored.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override TimeSpan Interval => Every;

    protected override bool RunAtStart => false;

    /// <summary>Stores what has been counted; on failure the counts are kept for the next try.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var counts = counter.Take();
        try
        {
            await store.AddAsync(counts, cancellationToken);
        }
        catch (GatewayException ex)
        {
            counter.Return(counts);
            metrics.UsageFlushFailed();
            NotStored(ex, counts.Count);
        }
        catch (OperationCanceledException)
        {
            counter.Return(counts); // stopping: StopAsync flushes once more
            throw;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Not the shutdown token: it may be cancelled already, and the last counts would be dropped.
        using var lastFlush = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await FlushAsync(lastFlush.Token);
    }

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => FlushAsync(stoppingToken);

    protected override void OnFailed(Exception exception) => NotStored(exception, 0);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Could not store {Counts} usage counts; keeping them for the next try")]
    private partial void NotStored(Exception exception, int counts);
}
