using System.Security.Cryptography;
using Gateway.Cli.Execution;
using Gateway.Data.AccessLog;

namespace Gateway.Cli.Tests.Audit;

/// <summary>
/// Changes made in SQL past the append-only triggers, one test for each kind: <c>audit verify</c> exits 1 and names
/// the first break. Each of them fails when the verifier's check for that kind is taken out.
/// </summary>
[TestFixture]
[NonParallelizable] // Seals up to the oldest transaction open anywhere in the cluster: runs alone.
public sealed class AuditTamperTests : AccessLogFixture
{
    [TestCase("operation = 'Ping'")]
    [TestCase("outcome = 'Client.AccessDenied.OutOfScope'")]
    [TestCase("cpr = '0303935555'")]
    [TestCase("principal_kind = 'Municipality', principal_code = '147'")]
    [TestCase("recorded_at = recorded_at + interval '1 microsecond'")]
    [TestCase("xid = ((xid::text)::bigint + 1)::text::xid8")]
    public async Task Verify_SealedEntryUpdated_NamesThatEntry(string change)
    {
        var ids = await RecordAndSealAsync(4);
        await TamperAsync($"update access_log set {change} where id = @id", new { id = ids[2] });

        var broken = await AssertBrokenAsync(AccessLogBreakKind.HashMismatch, 3, ids[2]);

        Assert.That(broken.GetProperty("description").GetString(), Does.Contain($"Entry {ids[2]} of link 3 does not match the link's hash"));
    }

    [Test]
    public async Task Verify_SealedEntryUpdated_HumanOutputNamesTheBreak()
    {
        var ids = await RecordAndSealAsync(3);
        await TamperAsync("update access_log set outcome = 'Replayed' where id = @id", new { id = ids[1] });

        var result = await Cli.RunAsync("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stdout, Does.StartWith("The access log's chain is BROKEN."));
        Assert.That(result.Stdout, Does.Match($@"First break +link 2, entry {ids[1]}: HashMismatch"));
        Assert.That(result.Stdout, Does.Match(@"Verified +1 entry, up to the break"));
        Assert.That(result.Stdout, Does.Not.Contain("Record the head"), "the head of a broken chain is not one to record");
    }

    [Test]
    public async Task Verify_EntryDeletedWithItsLink_NamesTheGapAndItsNeighbours()
    {
        var ids = await RecordAndSealAsync(4);
        await TamperAsync("delete from access_log_seal where entry_id = @id; delete from access_log where id = @id", new { id = ids[2] });

        // The entry and its link are both gone, so its id cannot be read back: the break names where it was.
        var broken = await AssertBrokenAsync(AccessLogBreakKind.MissingLink, 3, null);

        Assert.That(broken.GetProperty("description").GetString(),
            Is.EqualTo($"Link 3 is missing: it was removed from between entry {ids[1]} (link 2) and entry {ids[3]} (link 4)."));
    }

    [Test]
    public async Task Verify_EntryDeletedButItsLinkKept_NamesThatEntry()
    {
        var ids = await RecordAndSealAsync(4);
        await TamperAsync("delete from access_log where id = @id", new { id = ids[2] });

        await AssertBrokenAsync(AccessLogBreakKind.EntryGone, 3, ids[2]);
    }

    // An entry inserted with the xid of an old transaction sorts into sealed history, where the sealer never looks.
    [TestCase(0, 1)]
    [TestCase(2, 3)]
    public async Task Verify_EntryForgedWithAnOldXid_NamesThatEntry(int xidOfEntry, long after)
    {
        var ids = await RecordAndSealAsync(4);
        var forged = await ForgeEntryAsync(await XidOf(ids[xidOfEntry]));
        await RecordAndSealAsync(1); // the sealer goes on past it

        var broken = await AssertBrokenAsync(AccessLogBreakKind.NotSealed, after, forged);

        Assert.That(broken.GetProperty("description").GetString(), Does.Contain($"Entry {forged} has no link but lies within sealed history, after link {after}"));
    }

    [Test]
    public async Task Verify_LinkForgedWithAWrongHash_NamesItsEntry()
    {
        await RecordAndSealAsync(3);
        var unsealed = (await RecordAsync(Entry(Citizen)))[0];
        await TamperAsync("insert into access_log_seal (seq, entry_id, hash) values (4, @unsealed, @hash)", new { unsealed, hash = RandomNumberGenerator.GetBytes(32) });

        await AssertBrokenAsync(AccessLogBreakKind.HashMismatch, 4, unsealed);
    }

    // Someone who knows the rule can compute a matching hash: a link that seals an entry forged into the past
    // still shows, because links must follow settled order.
    [Test]
    public async Task Verify_LinkForgedWithAComputedHashForAnOldEntry_NamesThatEntry()
    {
        var ids = await RecordAndSealAsync(3);
        var forged = await ForgeEntryAsync(await XidOf(ids[0]));
        var hash = await ComputeLinkHashAsync(await HashOf(3), 4, forged);
        await TamperAsync("insert into access_log_seal (seq, entry_id, hash) values (4, @forged, @hash)", new { forged, hash });

        var broken = await AssertBrokenAsync(AccessLogBreakKind.OutOfOrder, 4, forged);

        Assert.That(broken.GetProperty("description").GetString(), Does.Contain($"comes before entry {ids[2]} of link 3 in settled order"));
    }

    [Test]
    public async Task Verify_LinkForgedPastTheEnd_NamesTheMissingLink()
    {
        await RecordAndSealAsync(3);
        var unsealed = (await RecordAsync(Entry(Citizen)))[0];
        await TamperAsync("insert into access_log_seal (seq, entry_id, hash) values (5, @unsealed, @hash)", new { unsealed, hash = new byte[32] });

        await AssertBrokenAsync(AccessLogBreakKind.MissingLink, 4, null);
    }
}
