using Gateway.Domain.Calendar;
using Gateway.Host.Pipeline.Usage;

namespace Gateway.IntegrationTests.Host.Pipeline.Usage;

/// <summary>Counting while the flusher takes the counts loses nothing: every call is in exactly one taking.</summary>
[TestFixture]
public sealed class UsageCounterTests
{
    [Test]
    public async Task Count_WhileTaking_EveryCallIsTakenExactlyOnce()
    {
        const int workers = 4, callsEach = 50_000;
        var counter = new UsageCounter(DanishCalendar.Of(DanishCalendar.DefaultTimeZone, TimeProvider.System));
        var agreement = Guid.NewGuid();
        long taken = 0;
        using var stop = new CancellationTokenSource();

        var taker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                taken += counter.Take().Sum(c => c.Calls);
                await Task.Yield();
            }
        });
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < callsEach; i++)
            {
                counter.Count(agreement, "Ping", "Success");
            }
        })));
        await stop.CancelAsync();
        await taker;
        taken += counter.Take().Sum(c => c.Calls);

        Assert.That(taken, Is.EqualTo((long)workers * callsEach));
    }
}
