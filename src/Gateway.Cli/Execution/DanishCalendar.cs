namespace Gateway.Cli.Execution;

/// <summary>Which day it is in Denmark: agreements' dates are Danish calendar days, whatever the machine's time zone.</summary>
public static class DanishCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>Today in Europe/Copenhagen.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
