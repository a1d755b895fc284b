using Gateway.Data.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Host.Access;

/// <summary>Adds the counted usage to the database every few seconds, and once more when the gateway stops.</summary>
internal sealed partial class UsageFlusher(UsageCounter counter, UsageStore store, ILogger<UsageFlusher> logger) : BackgroundService
{
    /// <summary>How often counts are stored.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

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
            NotStored(ex, counts.Count);
        }
        catch (OperationCanceledException)
        {
            counter.Return(counts); // stopping: StopAsync flushes once more
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Not the shutdown token: it may be cancelled already, and the last counts would be dropped.
        using var lastFlush = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await FlushAsync(lastFlush.Token);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; StopAsync stores what is left.
        }
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Could not store {Counts} usage counts; keeping them for the next try")]
    private partial void NotStored(Exception exception, int counts);
}
