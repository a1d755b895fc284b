using Dapper;
using Gateway.Data.Registrations;
using Gateway.IntegrationTests.Support;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>The store's queries can use their indexes with the parameters Npgsql actually sends.</summary>
[TestFixture]
public sealed class RegistrationStoreQueryTests
{
    [Test]
    public async Task LatestForCitizen_WithATextParameter_CanUseTheCprIndex()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync();
        // With sequential scans priced out, the plan shows whether the index is usable at all; a cast of the column
        // (as char(10) against a text parameter once forced) would leave only the scan.
        await connection.ExecuteAsync("set enable_seqscan = off");
        var plan = string.Join('\n', await connection.QueryAsync<string>("explain " + RegistrationStore.LatestForCitizenSql, new { cpr = "0101901234" }));

        Assert.That(plan, Does.Contain("registration_cpr_idx"));
    }

    [Test]
    public async Task Changes_WithTheParametersTheStoreSends_CanUseTheFeedIndexForTheCursor()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("set enable_seqscan = off");
        var plan = string.Join('\n', await connection.QueryAsync<string>("explain " + RegistrationStore.ChangesSql, new
        {
            ResponsibleKind = "Municipality",
            ResponsibleCode = "101",
            OtherActorCvr = (string?)null,
            Xid = "0",
            RegistrationId = Guid.Empty,
            Version = 0,
            Limit = 101,
        }));

        // The authority and the cursor position are both index conditions: a page costs its own rows, not the history before it.
        var lines = plan.Split('\n');
        var scan = Array.FindIndex(lines, l => l.Contains("Index Scan using registration_version_feed_idx", StringComparison.Ordinal));
        Assert.That(scan, Is.GreaterThanOrEqualTo(0), plan);
        Assert.That(lines[scan + 1], Does.Contain("Index Cond:").And.Contain("responsible_code =").And.Contain("ROW(xid, registration_id, version) > ROW("), plan);
    }
}
