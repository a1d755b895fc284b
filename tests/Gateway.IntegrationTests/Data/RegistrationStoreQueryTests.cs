using Dapper;
using Gateway.Data.Database;
using Gateway.Data.Registrations;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests.Data;

/// <summary>The store's queries can use their indexes with the parameters Npgsql actually sends.</summary>
[TestFixture]
public sealed class RegistrationStoreQueryTests
{
    [Test]
    public async Task LatestForCitizen_WithATextParameter_CanUseTheCprIndex()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        // With sequential scans priced out, the plan shows whether the index is usable at all; a cast of the column
        // (as char(10) against a text parameter once forced) would leave only the scan.
        await connection.ExecuteAsync("set enable_seqscan = off");
        var plan = string.Join('\n', await connection.QueryAsync<string>("explain " + RegistrationStore.LatestForCitizenSql, new { cpr = "0101901234" }));

        Assert.That(plan, Does.Contain("registration_cpr_idx"));
    }

    [TestCase(false, "registration_version_feed_idx", TestName = "Changes_ForAnAuthority_UsesTheFeedIndexForAuthorityAndCursor")]
    [TestCase(true, "registration_version_actor_feed_idx", TestName = "Changes_ForAnOtherActor_UsesTheActorFeedIndexForActorAndCursor")]
    public async Task Changes_WithTheParametersTheStoreSends_UseAnIndexForEverythingButTheHorizon(bool otherActor, string index)
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("set enable_seqscan = off");
        // A generic plan, as the server may choose after a few executions: it must not depend on the parameters' values.
        await connection.ExecuteAsync("set plan_cache_mode = force_generic_plan");
        var plan = string.Join('\n', await connection.QueryAsync<string>("explain " + (otherActor ? RegistrationStore.ActorChangesSql : RegistrationStore.ChangesSql), new
        {
            ResponsibleKind = "Municipality",
            ResponsibleCode = "101",
            OtherActorCvr = otherActor ? "24256790" : null,
            Xid = "0",
            RegistrationId = Guid.Empty,
            Version = 0,
            Limit = 101,
        }));

        // The authority (and actor) and the cursor position are index conditions: a page costs its own rows, not the
        // history before it or other actors' writes.
        var lines = plan.Split('\n');
        var scan = Array.FindIndex(lines, l => l.Contains($"Index Scan using {index} ", StringComparison.Ordinal));
        Assert.That(scan, Is.GreaterThanOrEqualTo(0), plan);
        Assert.That(lines[scan + 1], Does.Contain("Index Cond:").And.Contain("responsible_code =").And.Contain("ROW(xid, registration_id, version) > ROW("), plan);
        Assert.That(lines[scan + 1], otherActor ? Does.Contain("other_actor_cvr =") : Does.Not.Contain("other_actor_cvr"), plan);
    }
}
