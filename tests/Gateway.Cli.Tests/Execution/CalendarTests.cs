using Gateway.Cli.Execution;

namespace Gateway.Cli.Tests.Execution;

/// <summary>gatewayctl's "today" is the gateway's: the same configured zone, read from the same environment variable.</summary>
[TestFixture]
public sealed class CalendarTests
{
    // 23:30 UTC on 31 December 2026: already 1 January 2027 in Copenhagen (UTC+1), still 31 December in New York.
    private static readonly FixedClock NewYearsEve = new(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

    [Test]
    public void Calendar_WithoutTheTimeZoneVariable_IsCopenhagen() =>
        Assert.That(Context(_ => null).Calendar.Today, Is.EqualTo(new DateOnly(2027, 1, 1)));

    [Test]
    public void Calendar_WithTheGatewaysTimeZoneVariable_FollowsIt() =>
        Assert.That(Context(name => name == CliContext.TimeZoneVariable ? "America/New_York" : null).Calendar.Today, Is.EqualTo(new DateOnly(2026, 12, 31)));

    private static CliContext Context(Func<string, string?> environment) => new(TextWriter.Null, TextWriter.Null, environment, NewYearsEve);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
