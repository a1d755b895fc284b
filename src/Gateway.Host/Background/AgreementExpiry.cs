using Gateway.Host.Hosting;
using Gateway.Data.Agreements;
using Gateway.Domain.Calendar;

namespace Gateway.Host.Background;

/// <summary>
/// Turns Active agreements whose end date has passed Expired, without anyone acting (domain.md § 7), and records it
/// in their history: at start and every ten minutes. Calls are refused from the day after the end date whether or not
/// this has run yet.
/// </summary>
internal sealed partial class AgreementExpiry(AgreementStore store, DanishCalendar calendar, DatabaseAvailability database, ILogger<AgreementExpiry> logger)
    : PeriodicDuty(calendar.Clock, database)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        foreach (var id in await store.ExpireDueAsync(calendar.Today, "gateway", stoppingToken))
        {
            Expired(id);
        }
    }

    protected override void OnFailed(Exception exception) => Failed(exception);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Agreement {AgreementId} expired: its end date has passed")]
    private partial void Expired(Guid agreementId);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Could not expire agreements past their end date; trying again later")]
    private partial void Failed(Exception exception);
}
