using Gateway.Data.Agreements;
using Gateway.Domain.Calendar;

namespace Gateway.Host.Access;

/// <summary>
/// Turns Active agreements whose end date has passed Expired, without anyone acting (domain.md § 7), and records it
/// in their history. Calls are refused from the day after the end date whether or not this has run yet.
/// </summary>
internal sealed partial class AgreementExpiry(AdministrationStore store, DanishCalendar calendar, ILogger<AgreementExpiry> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                foreach (var id in await store.ExpireDueAsync(calendar.Today, "gateway", stoppingToken))
                {
                    Expired(id);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sweep runs again later; one failed round must not stop the gateway.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Failed(ex);
            }
        }
        while (await Delay(stoppingToken));
    }

    private static async Task<bool> Delay(CancellationToken stoppingToken)
    {
        await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !stoppingToken.IsCancellationRequested;
    }

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Agreement {AgreementId} expired: its end date has passed")]
    private partial void Expired(Guid agreementId);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Could not expire agreements past their end date; trying again later")]
    private partial void Failed(Exception exception);
}
