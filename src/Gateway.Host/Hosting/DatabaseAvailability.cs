using Gateway.Data.Database;
using Gateway.Domain.Faults;

namespace Gateway.Host.Hosting;

/// <summary>
/// The gateway's one view of whether its database answers, so that an outage is told once and not by every call: the
/// first call or background duty that cannot reach the database marks it lost (event 111, Warning, with the reason);
/// <see cref="Background.DatabaseWatch"/> then asks it every second until it answers, and marks it reached again
/// (event 112, Information, with how long it was away and how many calls were answered <c>Server.Unavailable</c>
/// meanwhile). Each refused call itself is logged at Debug (event 1003), without a stack trace.
/// </summary>
internal sealed partial class DatabaseAvailability(TimeProvider clock, ILogger<DatabaseAvailability> logger)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lostAt;
    private long _refused;

    /// <summary>Whether the database answered at the last sign of it: false from a failure until the watch reaches it again.</summary>
    public bool IsReachable
    {
        get
        {
            lock (_gate)
            {
                return _lostAt is null;
            }
        }
    }

    /// <summary>Notes that a call was answered <c>Server.Unavailable</c> because of <paramref name="cause"/>.</summary>
    public void CallRefused(Exception? cause)
    {
        Interlocked.Increment(ref _refused);
        Lost(cause);
    }

    /// <summary>Notes that the database could not be reached (a call or a duty found so); logs only the first sign of an outage.</summary>
    public void Lost(Exception? cause)
    {
        lock (_gate)
        {
            if (_lostAt is not null)
            {
                return;
            }

            _lostAt = clock.GetUtcNow();
        }

        if (logger.IsEnabled(LogLevel.Warning))
        {
            var reason = Reason(cause);
            LostLog(reason);
        }
    }

    /// <summary>Notes that the database answered; ends an outage, if there was one.</summary>
    public void Reached()
    {
        TimeSpan away;
        lock (_gate)
        {
            if (_lostAt is not { } lostAt)
            {
                return;
            }

            away = clock.GetUtcNow() - lostAt;
            _lostAt = null;
        }

        var refused = Interlocked.Exchange(ref _refused, 0);
        ReachedLog(away.TotalSeconds, refused);
    }

    /// <summary>Whether <paramref name="exception"/> says the database could not be reached (or did not answer in time).</summary>
    public static bool IsOutage(Exception exception) => exception is GatewayException { Refusal.Code: var code } && code == FaultCodes.StoreUnavailable;

    private static string Reason(Exception? cause) => cause switch
    {
        GatewayException { InnerException: TimeoutException timeout } => timeout.Message,
        GatewayException unavailable => StoreFailures.Reason(unavailable),
        null => "no answer",
        _ => cause.Message,
    };

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "The database cannot be reached ({Reason}); calls are answered Server.Unavailable until it answers again")]
    private partial void LostLog(string reason);

    [LoggerMessage(EventId = 112, Level = LogLevel.Information, Message = "The database answers again, after {Seconds:0.0} s; {Refused} calls were answered Server.Unavailable meanwhile")]
    private partial void ReachedLog(double seconds, long refused);
}
