using System.Collections.Concurrent;
using Gateway.Contracts.Types;
using Gateway.Data.AccessLog;
using Gateway.Host.Access;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Resilience;

/// <summary>
/// PostgreSQL crashes (<c>pg_ctl stop -m immediate</c>, durable settings) while eight clients register interviews, each
/// retrying a write with its request id after any fault or broken connection, as the integration guide tells them to;
/// then it comes back on the same address. Nothing acknowledged is lost, nothing is stored twice, every retry gets the
/// first receipt, the gateway recovers without a restart (the outage logged once, the change listener caching again),
/// and the access log's chain still verifies.
/// </summary>
[TestFixture]
public sealed class DatabaseCrashTests
{
    private const int Writers = 8;
    private const int WritesEach = 15;

    private GatewayOnOwnServer _own = null!;

    [OneTimeSetUp]
    public async Task StartGatewayOnItsOwnDurableServer() => _own = await GatewayOnOwnServer.StartAsync(durable: true, new Dictionary<string, string?> { ["Gateway:Calls:DeadlineSeconds"] = "3" });

    [OneTimeTearDown]
    public Task StopAll() => _own.DisposeAsync().AsTask();

    [Test]
    public async Task Writes_WhenTheDatabaseCrashesUnderLoadAndComesBack_AreEachStoredOnceAndTheGatewayRecoversByItself()
    {
        var cprs = Enumerable.Range(0, Writers).Select(_ => TestCitizens.Next()).ToArray();
        var receipts = new ConcurrentDictionary<string, RegistrationReceipt>();
        var faultsSeen = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var writers = cprs.Select((cpr, w) => Task.Run(async () =>
        {
            var client = _own.Gateway.Client();
            for (var i = 0; i < WritesEach; i++)
            {
                var requestId = $"crash-{w}-{i}-{Guid.NewGuid():N}";
                receipts[requestId] = await RetryingWriter.UntilStoredAsync(() => client.RegisterInterview(requestId, SampleRegistrations.Minimal(cpr)), faultsSeen, stop.Token);
            }
        })).ToArray();

        await Eventually.HoldsAsync(() => receipts.Count >= Writers * 2, "the writers did not get going");
        await PostgresFaults.CrashAsync(_own.Server);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _own.Server.RestartAsync(CancellationToken.None);
        await Task.WhenAll(writers);

        // Every write again with its request id: each gets the receipt it had, and nothing more is stored.
        var client = _own.Gateway.Client();
        var again = new Dictionary<string, RegistrationReceipt>();
        foreach (var (requestId, _) in receipts)
        {
            var cpr = cprs[int.Parse(requestId.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture)];
            again[requestId] = await client.RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));
        }

        var cache = _own.Gateway.Services.GetRequiredService<CachedAccessStore>();
        await Eventually.HoldsAsync(() => cache.IsCaching, "the change listener did not listen again");
        await Eventually.HoldsAsync(() => _own.Gateway.Log.Entries.Any(e => e.EventId.Id == 112), "the end of the outage was not logged");
        await _own.Gateway.Services.GetRequiredService<AccessLogSealer>().SealAsync(CancellationToken.None);
        var verification = await new AccessLogVerifier(_own.Gateway.Store).VerifyAsync(null, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(faultsSeen, Is.Not.Empty, "the crash did not reach any write");
            Assert.That(faultsSeen.Distinct(), Is.SubsetOf(new[] { "Server.Unavailable", "transport" }));
            Assert.That(receipts, Has.Count.EqualTo(Writers * WritesEach));
            Assert.That(again.Select(p => (p.Key, p.Value.RegistrationId, p.Value.Version)),
                Is.EquivalentTo(receipts.Select(p => (p.Key, p.Value.RegistrationId, p.Value.Version))));
            Assert.That(await CountAsync("select count(*) from registration where cpr = any($1)", cprs), Is.EqualTo(Writers * WritesEach), "a write was lost or stored twice");
            Assert.That(await CountAsync("select count(distinct id) from registration where cpr = any($1)", cprs), Is.EqualTo(receipts.Values.Select(r => r.RegistrationId).Distinct().Count()));
            Assert.That(_own.Gateway.Log.Entries.Count(e => e.EventId.Id == 111), Is.EqualTo(1), "one outage, told once");
            Assert.That(_own.Gateway.Log.Entries.Where(e => e.EventId.Id == 1002), Is.Empty, "no call failed as a bug");
            Assert.That(verification.Intact, Is.True, "the access log's chain does not verify");
            Assert.That(verification.NotYetSealed, Is.Zero);
        });
    }

    private async Task<long> CountAsync(string sql, string[] cprs)
    {
        await using var command = _own.Gateway.DataSource.CreateCommand(sql);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cprs });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
