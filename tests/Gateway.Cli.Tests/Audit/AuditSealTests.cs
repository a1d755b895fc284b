using Dapper;
using Gateway.Cli.Execution;
using Gateway.Data.AccessLog;

namespace Gateway.Cli.Tests.Audit;

[TestFixture]
[NonParallelizable] // Seals up to the oldest transaction open anywhere in the cluster: runs alone.
public sealed class AuditSealTests : AccessLogFixture
{
    [Test]
    public async Task Seal_RunTwiceThenAgainAfterNewEntries_SealsEachEntryOnceAndContinuesTheChain()
    {
        var first = await RecordAsync(Entry(Citizen), Entry(OtherCitizen), Entry(null));

        var sealing = await Succeeds("audit", "seal");
        var again = await Cli.JsonAsync("audit", "seal");
        var later = await RecordAsync(Entry(Citizen), Entry(Citizen));
        var continuing = await Cli.JsonAsync("audit", "seal");

        Assert.Multiple(async () =>
        {
            Assert.That(sealing.Stdout.Trim(), Is.EqualTo("Sealed 3 entries."));
            Assert.That(again.Json.GetProperty("sealed").GetInt32(), Is.Zero);
            Assert.That(continuing.Json.GetProperty("sealed").GetInt32(), Is.EqualTo(2));
            Assert.That(await LinksAsync(), Is.EqualTo(first.Concat(later)));
        });
        var verified = await VerifyAsync();
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString);
        Assert.That(verified.Json.GetProperty("entriesVerified").GetInt64(), Is.EqualTo(5));
    }

    [Test]
    public async Task Seal_NothingToSeal_SaysSo()
    {
        var result = await Succeeds("audit", "seal");

        Assert.That(result.Stdout.Trim(), Does.StartWith("Nothing to seal"));
    }

    // A writer that got its transaction id first but commits last: its entry must not be skipped, nor sealed after
    // an entry that follows it in settled order. The sealer waits for it, then seals it before the later one.
    [Test]
    public async Task Seal_EntriesCommittedOutOfOrder_AreSealedOnceEachInSettledOrder()
    {
        var before = (await RecordAsync(Entry(Citizen)))[0];
        await using var slow = await DataSource.OpenConnectionAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await slow.ExecuteAsync("select pg_current_xact_id()", transaction: transaction); // takes its xid now
        var fast = (await RecordAsync(Entry(OtherCitizen)))[0];
        var late = await slow.ExecuteScalarAsync<long>("""
            insert into access_log (recorded_at, agreement_id, it_system_id, authority_kind, authority_code, case_worker_id, call_id, operation, cpr, outcome)
            values (now(), gen_random_uuid(), @SystemId, 'Municipality', '101', 'cw-17', 'call-slow', 'GetContactCourse', @Citizen, 'Ok')
            returning id
            """, new { SystemId, Citizen }, transaction);

        var whileOpen = await Cli.JsonAsync("audit", "seal");
        var linksWhileOpen = await LinksAsync();
        await transaction.CommitAsync();
        var afterCommit = await Cli.JsonAsync("audit", "seal");

        Assert.Multiple(async () =>
        {
            Assert.That(late, Is.GreaterThan(fast), "the slow writer's entry has the larger id but the smaller xid");
            Assert.That(whileOpen.Json.GetProperty("sealed").GetInt32(), Is.EqualTo(1));
            Assert.That(linksWhileOpen, Is.EqualTo(new[] { before }), "the committed later entry waits for the open transaction");
            Assert.That(afterCommit.Json.GetProperty("sealed").GetInt32(), Is.EqualTo(2));
            Assert.That(await LinksAsync(), Is.EqualTo(new[] { before, late, fast }));
        });
        Assert.That((await VerifyAsync()).ExitCode, Is.Zero);
    }

    [Test]
    public async Task Seal_InSmallBatchesAndByTwoSealersAtOnce_SealsEveryEntryOnce()
    {
        var ids = await RecordAsync([.. Enumerable.Range(0, 7).Select(_ => Entry(Citizen))]);

        var counts = await Task.WhenAll(
            new AccessLogSealer(Store, batchSize: 2).SealAsync(CancellationToken.None),
            new AccessLogSealer(Store, batchSize: 3).SealAsync(CancellationToken.None));

        Assert.That(counts.Sum(), Is.EqualTo(7));
        Assert.That(await LinksAsync(), Is.EqualTo(ids));
        Assert.That((await VerifyAsync()).ExitCode, Is.Zero);
    }

    [Test]
    public async Task Seal_EntryOfTheLastLinkDeleted_RefusesToContinueTheChain()
    {
        var ids = await RecordAndSealAsync(2);
        await TamperAsync("delete from access_log where id = @id", new { id = ids[1] });
        await RecordAsync(Entry(Citizen));

        var result = await Cli.RunAsync("audit", "seal");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain($"entry {ids[1]}, sealed as link 2, is gone").And.Contain("gatewayctl audit verify"));
        Assert.That(await LinksAsync(), Is.EqualTo(ids), "nothing sealed after the break");
    }
}
