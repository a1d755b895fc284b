namespace Gateway.Domain.Calendar;

/// <summary>
/// Which day it is in Denmark: the one answer every rule, agreement check, usage count, expiry sweep and gatewayctl
/// command uses. Interview dates, agreements' validity dates and usage days are Danish calendar days, whatever the
/// time zone of the machine; the zone is configuration (<c>Gateway:Registration:TimeZone</c>, default
/// <c>Europe/Copenhagen</c>) so that it is stated once, not assumed in several places.
/// </summary>
public sealed class DanishCalendar(TimeProvider clock, TimeZoneInfo zone)
{
    /// <summary>The zone of the default configuration.</summary>
    public const string DefaultTimeZone = "Europe/Copenhagen";

    /// <summary>The clock the calendar reads.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>The zone whose calendar days count.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Today in the calendar's zone.</summary>
    public DateOnly Today => DayOf(Clock.GetUtcNow());

    /// <summary>The calendar day on which <paramref name="moment"/> falls in the calendar's zone.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    /// <summary>The calendar of the zone named <paramref name="timeZone"/> (an IANA or Windows id known to the machine).</summary>
    public static DanishCalendar Of(string timeZone, TimeProvider clock) => new(clock, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
}
