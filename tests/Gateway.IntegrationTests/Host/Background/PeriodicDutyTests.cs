using Gateway.Host.Background;
using Gateway.Host.Hosting;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.IntegrationTests.Host.Background;

/// <summary>The one shape of every background duty, on a clock the test drives.</summary>
[TestFixture]
public sealed class PeriodicDutyTests
{
    [Test]
    public async Task Duty_RunAtStart_RunsAtStartThenOncePerInterval()
    {
        var clock = new FakeTimeProvider();
        using var duty = new CountingDuty(clock, runAtStart: true);
        await duty.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => duty.Rounds == 1, "the duty did not get there");

        clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.That(duty.Rounds, Is.EqualTo(1), "no round before the interval has passed");

        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => duty.Rounds == 2, "the duty did not get there");
        clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => duty.Rounds == 3, "the duty did not get there");
        await duty.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Duty_NotRunAtStart_WaitsOneIntervalFirst()
    {
        var clock = new FakeTimeProvider();
        using var duty = new CountingDuty(clock, runAtStart: false);
        await duty.StartAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.That(duty.Rounds, Is.Zero);

        clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => duty.Rounds == 1, "the duty did not get there");
        await duty.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Duty_FailedRound_IsReportedAndTheNextRoundRuns()
    {
        var clock = new FakeTimeProvider();
        using var duty = new CountingDuty(clock, runAtStart: true) { FailRounds = 1 };
        await duty.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => duty.Failures.Count == 1, "the duty did not get there");

        clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => duty.Rounds == 2, "the duty did not get there");
        await duty.StopAsync(CancellationToken.None);
        Assert.That(duty.Failures.Single(), Is.InstanceOf<InvalidOperationException>());
    }

    private sealed class CountingDuty(TimeProvider clock, bool runAtStart)
        : PeriodicDuty(clock, new DatabaseAvailability(clock, NullLogger<DatabaseAvailability>.Instance))
    {
        private int _rounds;

        public int FailRounds { get; init; }

        public int Rounds => Volatile.Read(ref _rounds);

        public List<Exception> Failures { get; } = [];

        protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

        protected override bool RunAtStart => runAtStart;

        protected override Task RunOnceAsync(CancellationToken stoppingToken) =>
            Interlocked.Increment(ref _rounds) <= FailRounds ? throw new InvalidOperationException("round failed") : Task.CompletedTask;

        protected override void OnFailed(Exception exception)
        {
            lock (Failures)
            {
                Failures.Add(exception);
            }
        }
    }
}
