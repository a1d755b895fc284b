using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// Group commit of access-log entries, against PostgreSQL: calls that arrive while a commit is under way wait for the
/// next one and share it; no caller hears its entries are stored before they are committed; a commit never takes more
/// than its limit; a failed insert fails every caller waiting on it.
/// </summary>
[TestFixture]
[NonParallelizable] // Waits on pg_locks for access_log, whose OID every database copied from the template shares: runs alone.
public sealed class GroupCommittedAccessLogTests
{
    private GatewayDataSource _dataSource = null!;

    [SetUp]
    public async Task CreateDatabase() => _dataSource = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());

    [TearDown]
    public async Task DropDataSource() => await _dataSource.DisposeAsync();

    [Test]
    public async Task Calls_ArrivingWhileACommitIsUnderWay_WaitForItAndThenShareTheNextCommit()
    {
        await using var log = new GroupCommittedAccessLog(new AccessLogStore(_dataSource));
        await using var hold = await HoldInsertsAsync();

        var first = log.RecordAsync([Entry("first")], CancellationToken.None);
        await WaitUntilAnInsertIsBlockedAsync();
        var queued = Enumerable.Range(0, 49).Select(i => log.RecordAsync([Entry($"queued-{i}")], CancellationToken.None)).ToList();
        await Task.Delay(200);
        var answeredWhileHeld = queued.Append(first).Count(c => c.IsCompleted);
        await hold.RollbackAsync();
        await Task.WhenAll(queued.Append(first));

        var xids = await XidsByCallAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answeredWhileHeld, Is.Zero, "no caller is answered before its entry is committed");
            Assert.That(xids.Keys, Has.Count.EqualTo(50));
            Assert.That(xids.Where(x => x.Key != "first").Select(x => x.Value).Distinct().Count(), Is.EqualTo(1), "the 49 queued calls share one commit");
            Assert.That(xids["queued-0"], Is.Not.EqualTo(xids["first"]), "the commit under way took only the first call");
        }
    }

    [Test]
    public async Task QueuedCalls_OverTheLimit_AreSplitAcrossCommitsWithoutSplittingACall()
    {
        await using var log = new GroupCommittedAccessLog(new AccessLogStore(_dataSource));
        await using var hold = await HoldInsertsAsync();

        var first = log.RecordAsync([Entry("first")], CancellationToken.None);
        await WaitUntilAnInsertIsBlockedAsync();
        var big = new[] { "a", "b", "c" }
            .Select(call => log.RecordAsync([.. Enumerable.Range(0, 3000).Select(_ => Entry(call))], CancellationToken.None)).ToList();
        await hold.RollbackAsync();
        await Task.WhenAll(big.Append(first));

        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        var commits = (await connection.QueryAsync<(string CallId, string Xid, long Entries)>(
            "select call_id, xid::text, count(*) from access_log group by call_id, xid")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(commits.Select(c => c.CallId), Is.EquivalentTo(new[] { "first", "a", "b", "c" }), "each call's entries in one commit");
            Assert.That(commits.Select(c => c.Xid).Distinct().Count(), Is.EqualTo(4), $"two calls of 3,000 exceed {GroupCommittedAccessLog.MaxEntriesPerCommit}");
            Assert.That(commits.Sum(c => c.Entries), Is.EqualTo(9001));
        }
    }

    [Test]
    public async Task StoreUnreachable_EveryCallWaitingOnTheInsertFails_AndTheLogGoesOnAfterwards()
    {
        // A port nothing listens on: connecting fails at once.
        await using var unreachable = GatewayDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=2");
        await using var log = new GroupCommittedAccessLog(new AccessLogStore(unreachable));

        var calls = Enumerable.Range(0, 5).Select(i => log.RecordAsync([Entry($"call-{i}")], CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return null;
            }
            catch (GatewayException ex)
            {
                return ex.Refusal.Code;
            }
        }));
        var later = Assert.ThrowsAsync<GatewayException>(() => log.RecordAsync([Entry("later")], CancellationToken.None))!;

        Assert.That(outcomes.Append(later.Refusal.Code), Is.All.EqualTo(FaultCodes.StoreUnavailable));
    }

    [Test]
    public async Task Entries_AfterTheLogIsDisposed_AreRefusedWithTheRetryableFault()
    {
        var log = new GroupCommittedAccessLog(new AccessLogStore(_dataSource));
        await log.RecordAsync([Entry("before")], CancellationToken.None);
        await log.DisposeAsync();

        var late = Assert.ThrowsAsync<GatewayException>(() => log.RecordAsync([Entry("late")], CancellationToken.None))!;

        Assert.That(late.Refusal.Code, Is.EqualTo(FaultCodes.StoreUnavailable), "a call that comes while the gateway stops may retry elsewhere");
    }

    // Takes a lock that makes every insert into the log wait until the returned transaction ends.
    private async Task<NpgsqlTransaction> HoldInsertsAsync()
    {
        var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("lock table access_log in exclusive mode", transaction: transaction);
        return transaction;
    }

    private async Task WaitUntilAnInsertIsBlockedAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await connection.ExecuteScalarAsync<bool>("select exists (select 1 from pg_locks where relation = 'access_log'::regclass and not granted)"))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the first insert never reached the lock");
    }

    private async Task<Dictionary<string, string>> XidsByCallAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string CallId, string Xid)>("select call_id, xid::text from access_log"))
            .ToDictionary(r => r.CallId, r => r.Xid);
    }

    private static AccessEntry Entry(string callId) => new(
        DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), new AuthorityId(AuthorityKind.Municipality, "101"), null,
        "cw-1", callId, "GetContactCourse", "0101901234", null, AccessOutcome.Ok);
}
