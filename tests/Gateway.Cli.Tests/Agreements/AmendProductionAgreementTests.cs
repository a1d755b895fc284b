using System.Text.Json;
using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;
using Gateway.TestSupport;

namespace Gateway.Cli.Tests.Agreements;

/// <summary>
/// Amending a Production agreement: a widening of an Active or Suspended one passes the production gate, judged on the
/// agreement as amended, or goes through with an override that the history keeps; narrowing, contact and contract
/// reference need no gate, and neither does a Requested agreement, whose approval is judged on its amended terms.
/// </summary>
[TestFixture]
public sealed class AmendProductionAgreementTests : CliFixture
{
    [TestCase("--operations", "Ping,GetContactCourse")]
    [TestCase("--case-types", "Kontanthjaelp,Starthjaelp")]
    [TestCase("--read-scope", "AllCitizens")]
    [TestCase("--valid-from", "2025-01-01")]
    [TestCase("--valid-to", "2031-12-31")]
    [TestCase("--valid-to", "none")]
    public async Task Amend_WideningActiveProductionOfAnUncertifiedSystem_RefusedNamingWhatIsMissingAndChangesNothing(string option, string value)
    {
        var system = await NewSystemAsync();
        var id = await ActiveProductionAsync(system);
        var before = await ShownAsync(id);
        var history = (await HistoryOf(id)).Length;

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), option, value, "--reason", "Partner asked");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stderr, Does.StartWith($"Cannot amend Production agreement {id} so: IT system {system} has not passed every required conformance scenario for it as amended")
                .And.Contain($"gatewayctl conformance status {system}")
                .And.Contain("operation.Ping (NotYet)")
                .And.Contain("--override-conformance"));
            Assert.That(await ShownAsync(id), Is.EqualTo(before));
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(history));
        });
    }

    [Test]
    public async Task Amend_WideningSuspendedProduction_IsGatedToo()
    {
        var id = await ActiveProductionAsync(await NewSystemAsync());
        await Succeeds("agreements", "suspend", id.ToString(), "--reason", "Incident");

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--read-scope", "AllCitizens", "--reason", "Receives movers");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("widens its read scope"));
    }

    [Test]
    public async Task Amend_AddingAnOperationTheSystemHasNotShown_IsRefusedThoughItPassedTheRest()
    {
        var system = await NewSystemAsync();
        await CertifyForPingAsync(system);
        var id = await ActiveProductionAsync(system);

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--operations", "Ping,GetContactCourse", "--reason", "Reads too");

        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stderr, Does.Contain("widens its operations").And.Contain("operation.GetContactCourse (NotYet)").And.Not.Contain("operation.Ping "));
            Assert.That(await OperationsOf(id), Is.EquivalentTo(new[] { "Ping" }));
        });
    }

    [Test]
    public async Task Amend_WideningForACertifiedSystem_PassesTheGateWithNothingToRecord()
    {
        var system = await NewSystemAsync();
        await CertifyForPingAsync(system);
        var id = await ActiveProductionAsync(system);

        await Succeeds("agreements", "amend", id.ToString(), "--valid-to", "none", "--read-scope", "AllCitizens", "--reason", "Open-ended, receives movers");

        var last = (await HistoryOf(id))[^1];
        Assert.That(last.GetProperty("changes").GetArrayLength(), Is.EqualTo(2));
        Assert.That(last.GetProperty("conformanceOverride").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Amend_WideningWithTheOverride_IsMadeAndTheOverrideRecordedAndShown()
    {
        var id = await ActiveProductionAsync(await NewSystemAsync());

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--operations", "Ping,GetContactCourse", "--reason", "Reads too",
            "--override-conformance", "Ministry deadline; kit run booked");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var last = (await HistoryOf(id))[^1];
        var shown = await Succeeds("agreements", "show", id.ToString());
        var json = (await Cli.JsonAsync("agreements", "show", id.ToString())).Json;
        Assert.Multiple(async () =>
        {
            Assert.That(result.Stderr, Does.Contain("Conformance gate overridden: Amended without conformance"));
            Assert.That(await OperationsOf(id), Is.EquivalentTo(new[] { "GetContactCourse", "Ping" }));
            Assert.That(last.GetProperty("reason").GetString(), Is.EqualTo("Reads too"));
            Assert.That(last.GetProperty("conformanceOverride").GetString(), Does.StartWith("Amended without conformance")
                .And.Contain("operation.GetContactCourse").And.EndWith("Reason: Ministry deadline; kit run booked"));
            Assert.That(last.GetProperty("changes").GetArrayLength(), Is.EqualTo(1));
            Assert.That(shown.Stdout, Does.Contain("Conformance override: amended (operations Ping -> GetContactCourse,Ping)"));
            Assert.That(json.GetProperty("conformanceOverrides").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Show_OverriddenAmendmentOfStoredTerminalControls_PrintsEachOverrideEscapedOnOneLine()
    {
        // The contact it changed and the operator's name are printed back in the override line; either could clear the
        // screen and forge a line of the agreement, were it printed as stored.
        var id = await ActiveProductionAsync(await NewSystemAsync());
        await StoreContactAsIsAsync(id, "evil\u001b[2J\nContact      forged");
        await Cli.As("mallory\u001b]0;title\u0007").JsonAsync("agreements", "amend", id.ToString(), "--operations", "Ping,GetContactCourse",
            "--contact", "support@kk.example", "--reason", "Reads too", "--override-conformance", "Ministry deadline");

        var shown = await Succeeds("agreements", "show", id.ToString());

        var overrides = shown.Stdout.Split('\n').Where(l => l.StartsWith("Conformance override:", StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(shown.Stdout, Does.Not.Contain("\u001b").And.Not.Contain("\u0007").And.Not.Contain("forged\n"));
            Assert.That(overrides, Has.Length.EqualTo(2), shown.ToString);
            Assert.That(overrides[1], Does.StartWith(@"Conformance override: amended (operations Ping -> GetContactCourse,Ping; contact evil\u001B[2J\nContact      forged -> support@kk.example) at ")
                .And.Contain(@" by mallory\u001B]0;title\u0007: Amended without conformance"));
        });
    }

    [TestCase("--operations", "Ping")]
    [TestCase("--case-types", "Kontanthjaelp")]
    [TestCase("--read-scope", "OwnCitizens")]
    [TestCase("--valid-from", "2026-06-01")]
    [TestCase("--valid-to", "2030-06-30")]
    [TestCase("--contact", "support@kk.example")]
    [TestCase("--contract-ref", "none")]
    public async Task Amend_NarrowingOrContactOfProductionOfAnUncertifiedSystem_NeedsNoGate(string option, string value)
    {
        var id = await ActiveProductionAsync(await NewSystemAsync(), "--operations", "Ping,GetContactCourse", "--case-types", "Kontanthjaelp,Starthjaelp",
            "--read-scope", "AllCitizens");

        await Succeeds("agreements", "amend", id.ToString(), option, value, "--reason", "Less");

        var last = (await HistoryOf(id))[^1];
        Assert.That(last.GetProperty("changes").GetArrayLength(), Is.EqualTo(1));
        Assert.That(last.GetProperty("conformanceOverride").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Amend_NarrowingWithTheOverride_IsSaidToBeNeedlessAndNotRecorded()
    {
        var id = await ActiveProductionAsync(await NewSystemAsync(), "--operations", "Ping,GetContactCourse");

        var result = await Succeeds("agreements", "amend", id.ToString(), "--operations", "Ping", "--reason", "Less", "--override-conformance", "Just in case");

        Assert.That(result.Stderr, Does.Contain("--override-conformance was not needed: the conformance gate applies only to an amendment that widens"));
        Assert.That((await HistoryOf(id))[^1].GetProperty("conformanceOverride").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Amend_WideningRequestedProduction_NeedsNoGateAndTheApprovalJudgesItAsAmended()
    {
        var system = await NewSystemAsync();
        await CertifyForPingAsync(system);
        var id = await RequestForAsync(system, "Production", "--operations", "Ping");

        var amended = await Cli.RunAsync("agreements", "amend", id.ToString(), "--operations", "Ping,GetContactCourse", "--reason", "Reads too");
        var approved = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Contract signed");

        Assert.Multiple(async () =>
        {
            Assert.That(amended.ExitCode, Is.Zero, amended.ToString);
            Assert.That(approved.ExitCode, Is.EqualTo(ExitCodes.Refused), approved.ToString);
            Assert.That(approved.Stderr, Does.Contain("operation.GetContactCourse (NotYet)"));
            Assert.That(await StatusOf(id), Is.EqualTo("Requested"));
        });
    }

    [Test]
    public async Task Amend_WithATestDatabaseThatLacksTheSystem_IsRefusedNamingTheFix()
    {
        var testDatabase = await TestPostgres.CreateEmptyDatabaseAsync();
        Assert.That((await new GatewayctlRunner(testDatabase).RunAsync("migrate")).ExitCode, Is.Zero);
        var id = await ActiveProductionAsync(await NewSystemAsync());

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--read-scope", "AllCitizens", "--reason", "x", "--conformance-database", testDatabase);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("has no IT system named").And.Contain("register it there under the same name and vendor"));
    }

    [Test]
    public async Task Amend_WithAnUnreachableTestDatabase_IsRefusedNamingItAsTheTestDatabaseAndChangesNothing()
    {
        var (testDatabase, description) = Conformance.ProductionGateTests.UnreachableTestDatabase("NothingListening");
        var id = await ActiveProductionAsync(await NewSystemAsync());
        var before = await ShownAsync(id);

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--read-scope", "AllCitizens", "--reason", "x", "--conformance-database", testDatabase);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stderr, Does.StartWith($"Cannot amend Production agreement {id} so: cannot reach the Test (conformance) database {description} named by --conformance-database: "));
            Assert.That(await ShownAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Amend_WithATestDatabaseWithoutTheSchema_IsRefusedNamingItAsTheTestDatabase()
    {
        var testDatabase = await TestPostgres.CreateEmptyDatabaseAsync();
        var id = await ActiveProductionAsync(await NewSystemAsync());

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--read-scope", "AllCitizens", "--reason", "x", "--conformance-database", testDatabase);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("the Test (conformance) database").And.Contain("has no gateway schema").And.Not.Contain("gatewayctl migrate` first"));
    }

    // An Active Production agreement (let past the gate at its approval) valid 2026 to 2030, for a system as the test needs it.
    private async Task<Guid> ActiveProductionAsync(Guid system, params string[] extra)
    {
        var id = await RequestForAsync(system, "Production", ["--operations", "Ping", "--case-types", "Kontanthjaelp", "--valid-from", "2026-01-01",
            "--valid-to", "2030-12-31", "--contract-ref", "TA-2026-17", .. extra]);
        await Succeeds("agreements", "approve", id.ToString(), "--reason", "Signed", "--override-conformance", "Set up for the test");
        return id;
    }

    private async Task<string> ShownAsync(Guid id) => (await Cli.JsonAsync("agreements", "show", id.ToString())).Stdout;

    private async Task<string?[]> OperationsOf(Guid id) =>
        [.. (await Cli.JsonAsync("agreements", "show", id.ToString())).Json.GetProperty("operations").EnumerateArray().Select(o => o.GetString())];
}
