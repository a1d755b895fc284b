using Gateway.Host.Hosting;
using Gateway.Data.Agreements;
using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Usage;
using Gateway.Host.Telemetry;

namespace Gateway.Host.Background;

/// <summary>Adds the counted usage to the database every few seconds, and once more when the gateway stops.</summary>
internal sealed partial class UsageFlusher(
    UsageCounter counter, UsageStore store, GatewayMetrics metrics, TimeProvider clock, DatabaseAvailability database, ILogger<UsageFlusher> logger)
    : PeriodicDuty(clock, database)
{
    /// <summary>How often counts are stored.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    /// <summary>How long the last flush, when the gateway stops, may wait for the database.</summary>
    public static readonly TimeSpan LastFlushBound = TimeSpan.FromSeconds(10);

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
            if (DatabaseAvailability.IsOutage(ex))
            {
                Database.Lost(ex);
                Kept(counts.Count);
            }
            else
            {
                NotStored(ex, counts.Count);
            }
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
        using var lastFlush = new CancellationTokenSource(LastFlushBound);
        try
        {
            await FlushAsync(lastFlush.Token);
        }
        catch (OperationCanceledException) when (lastFlush.IsCancellationRequested)
        {
            // The database did not answer in time: the gateway stops all the same.
        }

        // What the last flush could not store is lost with the process: say how much.
        var lost = counter.Take().Count;
        if (lost > 0)
        {
            LostAtStop(lost, LastFlushBound.TotalSeconds);
        }
    }

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => FlushAsync(stoppingToken);

    protected override void OnFailed(Exception exception) => NotStored(exception, 0);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Could not store {Counts} usage counts; keeping them for the next try")]
    private partial void NotStored(Exception exception, int counts);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Stopping without storing {Counts} usage counts: the database could not be reached within {Seconds} s")]
    private partial void LostAtStop(int counts, double seconds);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "Kept {Counts} usage counts for the next try: the database cannot be reached")]
    private partial void Kept(int counts);
}
