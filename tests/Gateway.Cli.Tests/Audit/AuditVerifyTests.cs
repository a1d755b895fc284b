using System.Security.Cryptography;
using System.Text;
using Gateway.Cli.Execution;
using Gateway.Contracts.CodeLists;
using Gateway.Data.AccessLog;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.Tests.Audit;

[TestFixture]
[NonParallelizable] // Seals up to the oldest transaction open anywhere in the cluster: runs alone.
public sealed class AuditVerifyTests : AccessLogFixture
{
    [Test]
    public async Task Verify_IntactChain_ExitsZeroWithCountsAndHead()
    {
        await RecordAndSealAsync(3);
        await RecordAsync(Entry(Citizen)); // not sealed yet: not a break

        var json = await VerifyAsync();
        var human = await Succeeds("audit", "verify");

        Assert.That(json.ExitCode, Is.Zero, json.ToString);
        var head = json.Json.GetProperty("head");
        var hash = Convert.ToHexStringLower(await HashOf(3));
        Assert.Multiple(() =>
        {
            Assert.That(json.Json.GetProperty("intact").GetBoolean(), Is.True);
            Assert.That(json.Json.GetProperty("entriesVerified").GetInt64(), Is.EqualTo(3));
            Assert.That(json.Json.GetProperty("notYetSealed").GetInt64(), Is.EqualTo(1));
            Assert.That(head.GetProperty("seq").GetInt64(), Is.EqualTo(3));
            Assert.That(head.GetProperty("hash").GetString(), Is.EqualTo(hash));
            Assert.That(human.Stdout, Does.StartWith("The access log's chain is intact."));
            Assert.That(human.Stdout, Does.Match(@"Verified +3 entries"));
            Assert.That(human.Stdout, Does.Match(@"Not yet sealed +1 entry\n"));
            Assert.That(human.Stdout, Does.Contain($"Head            3:{hash}"));
            Assert.That(human.Stdout, Does.Contain($"gatewayctl audit verify --head 3:{hash}"));
        });
    }

    [Test]
    public async Task Seal_TransactionIdsAheadOfTheCluster_RefusesAndSaysWhatToDoWhileVerifyStillChecksTheStoredChain()
    {
        await RecordAndSealAsync(2);
        // As a restore from a logical dump into a fresh cluster leaves the log (or an entry forged with a future id).
        await ForgeEntryAsync(((3UL << 32) | 1000UL).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var seal = await Cli.RunAsync("audit", "seal");
        var verify = await Cli.RunAsync("audit", "verify");

        Assert.Multiple(() =>
        {
            Assert.That(seal.ExitCode, Is.EqualTo(ExitCodes.Refused), seal.ToString);
            Assert.That(seal.Stderr, Does.Contain("restored from a logical dump").And.Contain("pg_resetwal --epoch=4"));
            // Verify compares stored positions only, so a restored copy can be checked against a recorded head.
            Assert.That(verify.ExitCode, Is.Zero, verify.ToString);
            Assert.That(verify.Stdout, Does.Match(@"Not yet sealed +1 entry"));
        });
    }

    [Test]
    public async Task Verify_EmptyLog_IsIntactWithoutHead()
    {
        var result = await Succeeds("audit", "verify");

        Assert.That(result.Stdout, Does.StartWith("The access log's chain is intact.").And.Match(@"Head +none \(no link yet\)"));
    }

    // The rule of AccessLogChain, written out by hand as the operator guide states it: if the code drifts from the
    // documented rule (field order, formats, escaping, UTF-8), existing chains would no longer verify outside it.
    [Test]
    public async Task Seal_FirstLink_IsSha256OfZerosAndTheDocumentedJson()
    {
        var agreementId = Guid.Parse("0f5a4db0-c5e0-4a11-8d00-00000000000a");
        var registrationId = Guid.Parse("0197a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
        var at = new DateTimeOffset(2025, 3, 3, 9, 15, 0, TimeSpan.Zero).AddTicks(1_234_560);
        var entry = new AccessEntry(at, agreementId, SystemId, new AuthorityId(AuthorityKind.OtherActor, "12345674"),
            new AuthorityId(AuthorityKind.Municipality, "101"), "Søren Ærø", "call \"7\"\\\n\u0001", "RegisterInterview", Citizen, registrationId, "Client.Validation.RuleViolation");
        var id = (await RecordAsync(entry))[0];
        await Succeeds("audit", "seal");
        var xid = await XidOf(id);

        var json = "[1," + id + ",\"" + xid + "\",\"2025-03-03T09:15:00.123456Z\",\"0f5a4db0-c5e0-4a11-8d00-00000000000a\",\"" + SystemId.ToString("D") + "\"," +
                   "\"OtherActor\",\"12345674\",\"Municipality\",\"101\",\"Søren Ærø\",\"call \\\"7\\\"\\\\\\n\\u0001\",\"RegisterInterview\",\"0101901234\"," +
                   "\"0197a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d\",\"Client.Validation.RuleViolation\"]";
        var expected = SHA256.HashData([.. new byte[32], .. Encoding.UTF8.GetBytes(json)]);

        Assert.That(Convert.ToHexStringLower(await HashOf(1)), Is.EqualTo(Convert.ToHexStringLower(expected)));
        Assert.That((await VerifyAsync()).ExitCode, Is.Zero);
    }

    // A supervision read names the authority read about; only such an entry carries the two elements more.
    [Test]
    public async Task Seal_EntryWithASubject_AppendsItsKindAndCodeToTheDocumentedJson()
    {
        var agreementId = Guid.Parse("0f5a4db0-c5e0-4a11-8d00-00000000000b");
        var at = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var entry = new AccessEntry(at, agreementId, SystemId, new AuthorityId(AuthorityKind.EmploymentServiceUnit, "1234"), null, "tilsyn-1",
            "call-9", "GetSupervisionReport", null, null, "Ok", new AuthorityId(AuthorityKind.Municipality, "101"));
        var id = (await RecordAsync(entry))[0];
        await Succeeds("audit", "seal");
        var xid = await XidOf(id);

        var json = "[1," + id + ",\"" + xid + "\",\"2026-12-02T08:00:00.000000Z\",\"0f5a4db0-c5e0-4a11-8d00-00000000000b\",\"" + SystemId.ToString("D") + "\"," +
                   "\"EmploymentServiceUnit\",\"1234\",null,null,\"tilsyn-1\",\"call-9\",\"GetSupervisionReport\",null,null,\"Ok\",\"Municipality\",\"101\"]";
        var expected = SHA256.HashData([.. new byte[32], .. Encoding.UTF8.GetBytes(json)]);

        Assert.That(Convert.ToHexStringLower(await HashOf(1)), Is.EqualTo(Convert.ToHexStringLower(expected)));
        Assert.That((await VerifyAsync()).ExitCode, Is.Zero);
    }

    [Test]
    public async Task Verify_RecordedHeadStillHeld_ExitsZero()
    {
        await RecordAndSealAsync(2);
        var head = $"2:{Convert.ToHexStringLower(await HashOf(2))}";
        await RecordAndSealAsync(1);

        var result = await VerifyAsync("--head", head);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
    }

    // Without a head kept outside the database, a re-computed tail verifies: the rule is public, so anyone with
    // write access can recompute it. The recorded head is what reveals it.
    [Test]
    public async Task Verify_TailRecomputedAfterAChange_OnlyTheRecordedHeadRevealsIt()
    {
        var ids = await RecordAndSealAsync(3);
        var head = $"3:{Convert.ToHexStringLower(await HashOf(3))}";
        await TamperAsync("update access_log set outcome = 'Client.AccessDenied.OutOfScope' where id = @id; delete from access_log_seal where seq >= 2", new { id = ids[1] });
        var previous = await HashOf(1);
        for (var seq = 2; seq <= 3; seq++)
        {
            previous = await ComputeLinkHashAsync(previous, seq, ids[seq - 1]);
            await TamperAsync("insert into access_log_seal (seq, entry_id, hash) values (@seq, @entry, @hash)", new { seq, entry = ids[seq - 1], hash = previous });
        }

        Assert.That((await VerifyAsync()).ExitCode, Is.Zero, "a consistent forgery verifies without an anchor");
        var withHead = await VerifyAsync("--head", head);

        Assert.That(withHead.ExitCode, Is.EqualTo(ExitCodes.Refused), withHead.ToString);
        Assert.That(withHead.Json.GetProperty("firstBreak").GetProperty("kind").GetString(), Is.EqualTo(nameof(AccessLogBreakKind.HeadMismatch)));
        Assert.That(withHead.Json.GetProperty("firstBreak").GetProperty("seq").GetInt64(), Is.EqualTo(3));
    }

    [Test]
    public async Task Verify_NewestLinksRemoved_OnlyTheRecordedHeadRevealsIt()
    {
        var ids = await RecordAndSealAsync(3);
        var head = $"3:{Convert.ToHexStringLower(await HashOf(3))}";
        await TamperAsync("delete from access_log_seal where seq = 3; delete from access_log where id = @id", new { id = ids[2] });

        Assert.That((await VerifyAsync()).ExitCode, Is.Zero, "a shortened chain verifies without an anchor");
        var withHead = await VerifyAsync("--head", head);

        Assert.That(withHead.ExitCode, Is.EqualTo(ExitCodes.Refused), withHead.ToString);
        Assert.That(withHead.Json.GetProperty("firstBreak").GetProperty("kind").GetString(), Is.EqualTo(nameof(AccessLogBreakKind.HeadMissing)));
        Assert.That(withHead.Stderr, Does.Contain("ends at link 2, before the recorded head, link 3"));
    }

    [TestCase("3")]
    [TestCase("3:abc")]
    [TestCase("x:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Verify_MalformedHead_IsAUsageError(string head)
    {
        var result = await Cli.RunAsync("audit", "verify", "--head", head);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--head takes SEQ:HASH"));
    }
}
