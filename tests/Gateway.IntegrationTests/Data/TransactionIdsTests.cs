using Dapper;
using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// A database restored from a logical dump into another cluster keeps transaction ids the new cluster has not reached:
/// the gateway refuses to start on it, and says what to do, instead of letting the feed and the chain pass new writes by.
/// </summary>
[TestFixture]
public sealed class TransactionIdsTests
{
    [Test]
    public async Task Start_StoredTransactionIdAheadOfTheCluster_RefusedWithTheEpochToSet()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var dataSource = GatewayDataSource.Create(connectionString))
        await using (var connection = await dataSource.OpenConnectionAsync(CancellationToken.None))
        {
            // As a restore leaves it: an entry written at epoch 3 of the old cluster, while this one is at epoch 0.
            await connection.ExecuteAsync("""
                insert into access_log (xid, recorded_at, agreement_id, it_system_id, authority_kind, authority_code, case_worker_id, call_id, operation, outcome)
                values ((3::bigint << 32 | 1000)::text::xid8, now(), gen_random_uuid(), gen_random_uuid(), 'Municipality', '101', 'cw', 'call', 'GetContactCourse', 'Ok')
                """);
        }

        var refused = Assert.ThrowsAsync<TransactionIdsBehindException>(() => TestGateway.StartAsync(connectionString: connectionString))!;

        Assert.That(refused.Message, Does.Contain("restored from a logical dump").And.Contain("pg_resetwal --epoch=4"));
    }

    [Test]
    public async Task Check_FreshDatabaseWithWrites_Passes()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        await using (var connection = await dataSource.OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("""
                insert into access_log (recorded_at, agreement_id, it_system_id, authority_kind, authority_code, case_worker_id, call_id, operation, outcome)
                values (now(), gen_random_uuid(), gen_random_uuid(), 'Municipality', '101', 'cw', 'call', 'GetContactCourse', 'Ok')
                """);
        }

        Assert.DoesNotThrowAsync(() => TransactionIds.EnsureAheadOfStoredAsync(dataSource, CancellationToken.None));
    }
}
