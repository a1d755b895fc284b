using Gateway.Data.Database;
using Gateway.Host.Hosting;

namespace Gateway.Host.Background;

/// <summary>
/// Watches the database every second, for the gateway to recover by itself: an embedded PostgreSQL whose server died is
/// started again (events 103, 104; a start that fails is tried again the next second, event 105 the first time); and
/// while <see cref="DatabaseAvailability"/> holds the database lost, it is asked <c>select 1</c> (bounded by
/// <see cref="ProbeTimeout"/>) until it answers, which ends the outage (event 112). When all is well a round only reads
/// the embedded server's pid file.
/// </summary>
internal sealed partial class DatabaseWatch(
    GatewayDatabase database, GatewayDataSource dataSource, DatabaseAvailability availability, TimeProvider clock, ILogger<DatabaseWatch> logger)
    : PeriodicDuty(clock, availability)
{
    /// <summary>How long one probe of a lost database may take.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private bool _restartFailed;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override bool RunAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        if (database.EmbeddedRunning == false)
        {
            Database.Lost(new EmbeddedDatabaseException("the embedded PostgreSQL is not running"));
            await RestartAsync(stoppingToken);
        }

        if (Database.IsReachable)
        {
            return;
        }

        using var probe = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        probe.CancelAfter(ProbeTimeout);
        try
        {
            await new DatabaseHealth(dataSource).AnswersAsync(probe.Token);
            Database.Reached();
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // No answer within the bound (a hung server): still lost; the next round asks again.
        }
    }

    protected override void OnFailed(Exception exception) => Failed(exception);

    private async Task RestartAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.RestartEmbeddedIfDeadAsync(stoppingToken);
            _restartFailed = false;
        }
        catch (EmbeddedDatabaseException ex)
        {
            // Usually the dead server's last backends still hold the cluster for a moment; told once, tried every second.
            if (!_restartFailed)
            {
                RestartFailed(ex.Message);
            }

            _restartFailed = true;
        }
    }

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Could not start the embedded PostgreSQL again yet ({Reason}); trying every second")]
    private partial void RestartFailed(string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "The database watch failed; trying again in a second")]
    private partial void Failed(Exception exception);
}
