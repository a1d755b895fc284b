using Gateway.Host.Hosting;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;

namespace Gateway.Host.Background;

/// <summary>
/// Links settled access-log entries into the hash chain every second (<see cref="AccessLogSealer"/>). Writers never
/// wait for it; instances on one database take turns. What is not sealed when the gateway stops is sealed after the
/// next start, or by <c>gatewayctl audit seal</c>. After each pass it notes how old the oldest entry left unsealed is
/// (<see cref="SealerProgress"/>, the metric <c>gateway.access_log.sealer.lag</c>).
/// </summary>
internal sealed partial class AccessLogSealing(
    AccessLogSealer sealer, GatewayDataSource dataSource, SealerProgress progress, TimeProvider clock, DatabaseAvailability database,
    ILogger<AccessLogSealing> logger) : PeriodicDuty(clock, database)
{
    /// <summary>How often the sealer runs.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override TimeSpan Interval => Every;

    protected override bool RunAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var count = await sealer.SealAsync(stoppingToken);
        if (count > 0)
        {
            Sealed(count);
        }

        progress.Found(await new DatabaseHealth(dataSource).SealerLagAsync(stoppingToken));
    }

    protected override void OnFailed(Exception exception) => Failed(exception);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "Could not seal the access log; trying again in a second")]
    private partial void Failed(Exception exception);

    [LoggerMessage(EventId = 602, Level = LogLevel.Debug, Message = "Sealed {Count} access-log entries")]
    private partial void Sealed(int count);
}
