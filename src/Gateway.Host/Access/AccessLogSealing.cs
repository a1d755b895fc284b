using Gateway.Data.AccessLog;

namespace Gateway.Host.Access;

/// <summary>
/// Links settled access-log entries into the hash chain every second (<see cref="AccessLogSealer"/>). Writers never
/// wait for it; instances on one database take turns. A failed round is logged and the next one tries again.
/// </summary>
internal sealed partial class AccessLogSealing(AccessLogSealer sealer, ILogger<AccessLogSealing> logger) : BackgroundService
{
    /// <summary>How often the sealer runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var count = await sealer.SealAsync(stoppingToken);
                    if (count > 0)
                    {
                        Sealed(count);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // The sealer runs again in a second; one failed round must not stop the gateway.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Failed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; what is not sealed now is sealed after the next start, or by `gatewayctl audit seal`.
        }
    }

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "Could not seal the access log; trying again in a second")]
    private partial void Failed(Exception exception);

    [LoggerMessage(EventId = 602, Level = LogLevel.Debug, Message = "Sealed {Count} access-log entries")]
    private partial void Sealed(int count);
}
