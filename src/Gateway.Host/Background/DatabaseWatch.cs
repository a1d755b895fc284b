using Gateway.Data.Database;
using Gateway.Host.Hosting;

namespace Gateway.Host.Background;

/// <summary>
/// Watches the database every second, for the gateway to recover by itself: an embedded PostgreSQL whose server died is
/// started again (events 103, 104; a start that fails is tried again the next second, event 105 the first time); and
/// the database is asked <c>select 1</c> (bounded by <see cref="ProbeTimeout"/>): every second while
/// <see cref="DatabaseAvailability"/> holds it lost, until it answers, which ends the outage (event 112); every
/// <see cref="QuietProbeInterval"/> while it is thought reachable, so that a hang is noticed (event 111) with no call
/// coming. Other rounds only read the embedded server's pid file.
/// </summary>
internal sealed partial class DatabaseWatch(
    GatewayDatabase database, GatewayDataSource dataSource, DatabaseAvailability availability, TimeProvider clock, ILogger<DatabaseWatch> logger)
    : PeriodicDuty(clock, availability)
{
    /// <summary>How long one probe of a lost database may take.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How often a database thought reachable is asked all the same.</summary>
    public static readonly TimeSpan QuietProbeInterval = TimeSpan.FromSeconds(5);

    private bool _restartFailed;
    private DateTimeOffset _lastProbe;
    private Task? _probe;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override bool RunAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        if (database.EmbeddedRunning == false)
        {
            Database.Lost(new EmbeddedDatabaseException("the embedded PostgreSQL is not running"));
            await RestartAsync(stoppingToken);
        }

        // Lost: asked every second until it answers. Reachable: asked every few seconds, so that a database that hangs is
        // noticed even when no call comes.
        var now = Clock.GetUtcNow();
        if (Database.IsReachable && now - _lastProbe < QuietProbeInterval)
        {
            return;
        }

        // One probe at a time: a probe of a frozen server that is still waiting is waited for again, not joined by more.
        _lastProbe = now;
        var probe = _probe ??= new DatabaseHealth(dataSource).AnswersAsync(CancellationToken.None);
        try
        {
            await probe.WaitAsync(ProbeTimeout, Clock, stoppingToken);
            _probe = null;
            Database.Reached();
        }
        catch (TimeoutException)
        {
            Database.Lost(new TimeoutException($"it did not answer select 1 within {ProbeTimeout.TotalSeconds:0} s"));
        }
        catch (Exception) when (probe.IsFaulted)
        {
            // The probe's failure is the outage's (PeriodicDuty notes it); the next round asks afresh.
            _probe = null;
            throw;
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
