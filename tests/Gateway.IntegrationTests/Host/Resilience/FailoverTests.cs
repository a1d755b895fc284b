using System.Collections.Concurrent;
using Gateway.Contracts.Types;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Host.Access;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gateway.IntegrationTests.Host.Resilience;

/// <summary>
/// Failover: a primary with a synchronous streaming standby, both on this machine; the gateway has both in its
/// connection string (<c>Target Session Attributes=primary</c>). The primary crashes while clients write, the standby
/// is promoted, and the gateway goes on with it by itself: every acknowledged write is on the new primary, none twice,
/// the change listener listens there, and the sealer's lock and the access log's chain move with it.
/// </summary>
[TestFixture]
public sealed class FailoverTests
{
    private const int Writers = 4;
    private const int WritesEach = 15;

    private string _folder = null!;
    private EmbeddedPostgres _primary = null!;
    private PostgresStandby _standby = null!;
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartPrimaryStandbyAndGateway()
    {
        _folder = Path.Combine(Path.GetTempPath(), "gateway-primary-" + Guid.NewGuid().ToString("N")[..12]);
        _primary = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = true }, CancellationToken.None);
        _standby = await PostgresStandby.StartAsync(_primary);
        var primary = new NpgsqlConnectionStringBuilder(_primary.ConnectionString);
        var both = new NpgsqlConnectionStringBuilder(_primary.ConnectionString)
        {
            Host = $"127.0.0.1:{primary.Port},127.0.0.1:{_standby.Port}",
            TargetSessionAttributes = "primary",
        };
        _gateway = await TestGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Calls:DeadlineSeconds"] = "3" }, connectionString: both.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        await _gateway.DisposeAsync();
        await _standby.DisposeAsync();
        await _primary.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Writes_WhenThePrimaryCrashesAndTheStandbyIsPromoted_GoOnThereWithNothingAcknowledgedLost()
    {
        var cprs = Enumerable.Range(0, Writers).Select(_ => TestCitizens.Next()).ToArray();
        var receipts = new ConcurrentDictionary<string, (int Writer, RegistrationReceipt Receipt)>();
        var faultsSeen = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var writers = cprs.Select((cpr, w) => Task.Run(async () =>
        {
            var client = _gateway.Client();
            for (var i = 0; i < WritesEach; i++)
            {
                var requestId = $"failover-{w}-{i}-{Guid.NewGuid():N}";
                receipts[requestId] = (w, await RetryingWriter.UntilStoredAsync(
                    () => client.RegisterInterview(requestId, SampleRegistrations.Minimal(cpr)), faultsSeen, stop.Token));
            }
        })).ToArray();

        await Eventually.HoldsAsync(() => receipts.Count >= Writers * 2, "the writers did not get going");
        await PostgresFaults.CrashAsync(_primary);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await _standby.PromoteAsync();
        await Task.WhenAll(writers);

        var client = _gateway.Client();
        var again = new Dictionary<string, RegistrationReceipt>();
        foreach (var (requestId, (writer, _)) in receipts)
        {
            again[requestId] = await client.RegisterInterview(requestId, SampleRegistrations.Minimal(cprs[writer]));
        }

        var cache = _gateway.Services.GetRequiredService<CachedAccessStore>();
        await Eventually.HoldsAsync(() => cache.IsCaching, "the change listener did not listen on the new primary");
        await _gateway.Services.GetRequiredService<AccessLogSealer>().SealAsync(CancellationToken.None);
        var verification = await new AccessLogVerifier(_gateway.Store).VerifyAsync(null, CancellationToken.None);
        await using var onNewPrimary = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_primary.ConnectionString) { Port = _standby.Port }.ConnectionString);
        await onNewPrimary.OpenAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(faultsSeen, Is.Not.Empty, "the failover did not reach any write");
            Assert.That(faultsSeen.Distinct(), Is.SubsetOf(new[] { "Server.Unavailable", "transport" }));
            Assert.That(again.Select(p => (p.Key, p.Value.RegistrationId)), Is.EquivalentTo(receipts.Select(p => (p.Key, p.Value.Receipt.RegistrationId))),
                "a retry after the failover did not get its first receipt");
            Assert.That(await ScalarAsync(onNewPrimary, "select count(*) from registration where cpr = any($1)", cprs), Is.EqualTo(Writers * WritesEach),
                "an acknowledged write is missing on the promoted standby, or one is there twice");
            Assert.That(await ScalarAsync(onNewPrimary, "select count(*) from registration where id = any($1)", receipts.Values.Select(r => r.Receipt.RegistrationId).ToArray()),
                Is.EqualTo(Writers * WritesEach));
            Assert.That(verification.Intact, Is.True, "the access log's chain does not verify on the new primary");
            Assert.That(verification.NotYetSealed, Is.Zero, "the sealer did not seal on the new primary");
        });
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, Array values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = values });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
