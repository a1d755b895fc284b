using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.AccessLog;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.IntegrationTests.Support;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// Group commit of access-log entries, against PostgreSQL: concurrent calls share commits, and no caller hears its
/// entries are stored before they are committed; a failed insert fails every caller waiting on it.
/// </summary>
[TestFixture]
public sealed class GroupCommittedAccessLogTests
{
    [Test]
    public async Task ConcurrentCalls_WhileACommitIsHeldUp_WaitAndThenShareOneCommit()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateDatabaseAsync());
        await using var log = new GroupCommittedAccessLog(new AccessLogStore(dataSource));

        // Hold every insert into the log up, so that the calls queue behind the first commit.
        await using var blocker = await dataSource.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("lock table access_log in exclusive mode");
        var calls = Enumerable.Range(0, 50).Select(i => log.RecordAsync([Entry($"call-{i}")], CancellationToken.None)).ToList();
        await Task.Delay(300);
        var completedWhileHeld = calls.Count(c => c.IsCompleted);
        await hold.RollbackAsync();
        await Task.WhenAll(calls);

        await using var connection = await dataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(string CallId, string Xid)>("select call_id, xid::text from access_log")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(completedWhileHeld, Is.Zero, "no caller is answered before its entry is committed");
            Assert.That(stored.Select(s => s.CallId), Is.EquivalentTo(Enumerable.Range(0, 50).Select(i => $"call-{i}")));
            Assert.That(stored.Select(s => s.Xid).Distinct().Count(), Is.LessThanOrEqualTo(2), "the first commit, then one for everything that queued behind it");
        }
    }

    [Test]
    public async Task StoreUnreachable_EveryWaitingCallFails_AndTheLogGoesOnAfterwards()
    {
        // A port nothing listens on: connecting fails at once.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2");
        await using var log = new GroupCommittedAccessLog(new AccessLogStore(dataSource));

        var first = Assert.ThrowsAsync<GatewayException>(() => log.RecordAsync([Entry("a")], CancellationToken.None))!;
        var second = Assert.ThrowsAsync<GatewayException>(() => log.RecordAsync([Entry("b")], CancellationToken.None))!;

        Assert.That((first.Refusal.Code, second.Refusal.Code), Is.EqualTo((FaultCodes.StoreUnavailable, FaultCodes.StoreUnavailable)));
    }

    private static AccessEntry Entry(string callId) => new(
        DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), new AuthorityId(AuthorityKind.Municipality, "101"), null,
        "cw-1", callId, "GetContactCourse", "0101901234", null, AccessOutcome.Ok);
}
