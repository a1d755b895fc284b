using Gateway.Host.Hosting;

namespace Gateway.Host.Background;

/// <summary>
/// The one shape of the gateway's background duties: run once at start (if <see cref="RunAtStart"/>), then once per
/// <see cref="Interval"/> on the <see cref="TimeProvider"/> (so tests can drive time), until the gateway stops. A
/// failed round is the duty's to report (<see cref="OnFailed"/>); the next round tries again, so no failure stops the
/// gateway. A round that failed because the database cannot be reached tells <see cref="DatabaseAvailability"/> (which logs
/// an outage once) and the duty's <see cref="OnDatabaseLost"/>, not <see cref="OnFailed"/>: an outage does not log a stack
/// trace per duty per second. A round that outlasts the interval is followed by the next one at once, never by a pile of them.
/// </summary>
internal abstract class PeriodicDuty(TimeProvider clock, DatabaseAvailability database) : BackgroundService
{
    /// <summary>The clock the rounds run on.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The gateway's view of whether the database answers, which a round that cannot reach it informs.</summary>
    protected DatabaseAvailability Database { get; } = database;

    /// <summary>How long from one round to the next.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first round runs as soon as the gateway starts, rather than one interval later.</summary>
    protected virtual bool RunAtStart => true;

    /// <summary>One round of the duty.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>Reports a round that failed; the next round runs as planned.</summary>
    protected abstract void OnFailed(Exception exception);

    /// <summary>What the duty does when a round found the database unreachable (the outage itself is logged once elsewhere); nothing by default.</summary>
    protected virtual void OnDatabaseLost(Exception exception)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        try
        {
            if (RunAtStart)
            {
                await RoundAsync(stoppingToken);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (DatabaseAvailability.IsOutage(ex))
        {
            Database.Lost(ex);
            OnDatabaseLost(ex);
        }
#pragma warning disable CA1031 // Whatever a round throws, the duty reports it and runs again next round.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnFailed(ex);
        }
    }
}
