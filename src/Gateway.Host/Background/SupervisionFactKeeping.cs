using Gateway.Host.Hosting;
using Gateway.Data.Supervision;

namespace Gateway.Host.Background;

/// <summary>
/// Makes the supervision facts of the registrations written since the last pass again, every second
/// (<see cref="SupervisionFacts"/>), so that a supervision read rarely has more than a second's writes to take in first.
/// Instances on one database take turns.
/// </summary>
internal sealed partial class SupervisionFactKeeping(SupervisionFacts facts, TimeProvider clock, DatabaseAvailability database, ILogger<SupervisionFactKeeping> logger)
    : PeriodicDuty(clock, database)
{
    /// <summary>How often the facts are brought up.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override TimeSpan Interval => Every;

    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var count = await facts.CatchUpAsync(stoppingToken);
        if (count > 0)
        {
            Applied(count);
        }
    }

    protected override void OnFailed(Exception exception) => Failed(exception);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Could not bring the supervision facts up; trying again in a second (supervision reads do it themselves first)")]
    private partial void Failed(Exception exception);

    [LoggerMessage(EventId = 702, Level = LogLevel.Debug, Message = "Made the supervision facts of {Count} registrations")]
    private partial void Applied(int count);
}
