using Gateway.Host.Hosting;
using Gateway.Data.Agreements;
using Gateway.Host.Access;

namespace Gateway.Host.Background;

/// <summary>
/// Listens on PostgreSQL for changes to certificates and agreements (LISTEN/NOTIFY), so that a suspension made by an
/// operator on any instance takes effect on this one's next call. A round listens until its connection drops; then
/// the cache is switched off until the next round, two seconds later, listens again.
/// </summary>
internal sealed partial class AccessChangeListener(
    AccessStore store, CachedAccessStore cache, TimeProvider clock, DatabaseAvailability database, ILogger<AccessChangeListener> logger)
    : PeriodicDuty(clock, database)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => store.ListenAsync(
        changed: () =>
        {
            cache.Invalidate();
            Invalidated();
        },
        listening: () =>
        {
            cache.Listening();
            Started();
        },
        stoppingToken);

    protected override void OnFailed(Exception exception)
    {
        cache.Deaf();
        Lost(exception);
    }

    // The outage is logged once for the whole gateway; the listener says only that it stopped caching, once.
    protected override void OnDatabaseLost(Exception exception)
    {
        if (cache.IsCaching)
        {
            cache.Deaf();
            StoppedCaching();
        }
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Listening for changes to certificates and agreements; caching them")]
    private partial void Started();

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Certificates or agreements changed; cache emptied")]
    private partial void Invalidated();

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Lost the connection that hears changes to certificates and agreements; not caching until it is back")]
    private partial void Lost(Exception exception);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "The database cannot be reached, so changes to certificates and agreements cannot be heard; not caching until it is back")]
    private partial void StoppedCaching();
}
