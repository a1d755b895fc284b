using Gateway.Data.Agreements;

namespace Gateway.Host.Access;

/// <summary>
/// Listens on PostgreSQL for changes to certificates and agreements (LISTEN/NOTIFY), so that a suspension made by an
/// operator on any instance takes effect on this one's next call. When the connection drops, the cache is switched
/// off until listening resumes.
/// </summary>
internal sealed partial class AccessChangeListener(AccessStore store, CachedAccessStore cache, ILogger<AccessChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.ListenAsync(
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
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of the listening connection means the same: stop caching, retry.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                cache.Deaf();
                Lost(ex);
            }

            await Task.Delay(RetryAfter, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Listening for changes to certificates and agreements; caching them")]
    private partial void Started();

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Certificates or agreements changed; cache emptied")]
    private partial void Invalidated();

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Lost the connection that hears changes to certificates and agreements; not caching until it is back")]
    private partial void Lost(Exception exception);
}
