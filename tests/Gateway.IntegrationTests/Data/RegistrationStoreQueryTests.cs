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
}
