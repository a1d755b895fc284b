using Gateway.Host.Access;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Background;

/// <summary>When the connection that hears changes is lost, the instance stops caching at once and listens again.</summary>
[TestFixture]
public sealed class AccessChangeListenerTests
{
    [Test]
    public async Task ListeningConnection_Killed_CachingStopsThenResumes()
    {
        await using var gateway = await TestGateway.StartAsync();
        var cache = gateway.Services.GetRequiredService<CachedAccessStore>();
        await Eventually.HoldsAsync(() => cache.IsCaching, "the listener never started");

        await using (var kill = gateway.DataSource.CreateCommand(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'listen %'"))
        {
            await kill.ExecuteNonQueryAsync();
        }

        await Eventually.HoldsAsync(() => gateway.Log.Entries.Any(e => e.EventId.Id == 203), "the loss was never noticed");
        await Eventually.HoldsAsync(() => gateway.Log.Entries.Count(e => e.EventId.Id == 201) >= 2 && cache.IsCaching, "listening never resumed");
        Assert.That((await gateway.Client().Ping()).Version, Is.Not.Empty);
    }
}
