using Gateway.Cli.Tests.Support;
using Gateway.Domain.Conformance;
using Gateway.TestSupport;

namespace Gateway.Cli.Tests.Conformance;

/// <summary>
/// The production gate and the operators' conformance commands, on a real database: a Production agreement waits for
/// its IT system's conformance; an override needs a reason and stays in the history; a reset starts the judgement
/// again. A system is certified here by the calls it made in the Test environment, as the gateway records them.
/// </summary>
[TestFixture]
public sealed class ProductionGateTests : CliFixture
{
    [Test]
    public async Task Approve_ProductionForAnUncertifiedSystem_IsRefusedWithWhatIsMissingAndChangesNothing()
    {
        var system = await NewSystemAsync();
        var id = await PingAgreementAsync(system, "Production");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Contract signed");

        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
            Assert.That(result.Stderr, Does.Contain($"gatewayctl conformance status {system}"));
            Assert.That(result.Stderr, Does.Contain("operation.Ping (NotYet)"));
            Assert.That(result.Stderr, Does.Contain("--override-conformance"));
            Assert.That(await StatusOf(id), Is.EqualTo("Requested"));
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Approve_ProductionWithTheOverride_IsRecordedInTheHistoryAndShown()
    {
        var system = await NewSystemAsync();
        var id = await PingAgreementAsync(system, "Production");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Contract signed", "--override-conformance", "Ministry deadline; kit run booked");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        var last = (await HistoryOf(id))[^1];
        var shown = await Succeeds("agreements", "show", id.ToString());
        var json = (await Cli.JsonAsync("agreements", "show", id.ToString())).Json;
        Assert.Multiple(async () =>
        {
            Assert.That(await StatusOf(id), Is.EqualTo("Active"));
            Assert.That(last.GetProperty("reason").GetString(), Is.EqualTo("Contract signed"));
            Assert.That(last.GetProperty("conformanceOverride").GetString(), Does.Contain("missing: operation.Ping").And.Contain("Ministry deadline; kit run booked"));
            Assert.That(shown.Stdout, Does.Contain("Conformance override: Requested -> Active"));
            Assert.That(json.GetProperty("conformanceOverrides").GetArrayLength(), Is.EqualTo(1));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("Active"));
        });
    }

    [Test]
    public async Task Approve_WithAControlCharacterInTheOverride_IsAUsageErrorAndChangesNothing()
    {
        var system = await NewSystemAsync();
        var id = await PingAgreementAsync(system, "Production");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "ok", "--override-conformance", "because\u001b[2J");

        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
            Assert.That(result.Stderr, Does.Contain("control characters"));
            Assert.That(await StatusOf(id), Is.EqualTo("Requested"));
        });
    }

    [Test]
    public async Task Resume_WithTheOverride_IsRecordedAsAResumption()
    {
        var system = await NewSystemAsync();
        var id = await PingAgreementAsync(system, "Production");
        await Succeeds("agreements", "approve", id.ToString(), "--reason", "Signed", "--override-conformance", "Deadline");
        await Succeeds("agreements", "suspend", id.ToString(), "--reason", "Incident");

        var resumed = await Cli.RunAsync("agreements", "resume", id.ToString(), "--reason", "Fixed", "--override-conformance", "Kit booked");

        Assert.That(resumed.ExitCode, Is.Zero, resumed.ToString);
        Assert.That((await HistoryOf(id))[^1].GetProperty("conformanceOverride").GetString(), Does.StartWith("Resumed without conformance").And.EndWith("Reason: Kit booked"));
    }

    [Test]
    public async Task Override_OfATestAgreement_IsSaidToBeNeedlessAndNotRecorded()
    {
        var system = await NewSystemAsync();
        var id = await PingAgreementAsync(system, "Test");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Trial", "--override-conformance", "Why not");

        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString);
            Assert.That(result.Stderr, Does.Contain("was not needed").And.Not.Contain("Conformance gate overridden"));
            Assert.That((await HistoryOf(id))[^1].GetProperty("conformanceOverride").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Approve_ProductionForACertifiedSystem_NeedsNoOverride()
    {
        var system = await NewSystemAsync();
        await CertifyForPingAsync(system);
        var id = await PingAgreementAsync(system, "Production");

        await Succeeds("agreements", "approve", id.ToString(), "--reason", "Kit passed");

        Assert.That((await HistoryOf(id))[^1].GetProperty("conformanceOverride").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task Approve_ProductionNeedingMoreThanTheSystemShowed_IsRefused()
    {
        var system = await NewSystemAsync();
        await CertifyForPingAsync(system);
        var id = await PingAgreementAsync(system, "Production", "--operations", "Ping,GetContactCourse");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Contract signed");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        Assert.That(result.Stderr, Does.Contain("operation.GetContactCourse (NotYet)").And.Not.Contain("operation.Ping "));
    }

    [Test]
    public async Task Resume_ProductionAfterAReset_IsGatedAgain()
    {
        var system = await NewSystemAsync();
        await CertifyForPingAsync(system);
        var id = await PingAgreementAsync(system, "Production");
        await Succeeds("agreements", "approve", id.ToString(), "--reason", "Kit passed");
        await Succeeds("agreements", "suspend", id.ToString(), "--reason", "New release");
        await Succeeds("conformance", "reset", system.ToString(), "--reason", "Release 2.0 must pass again");

        var refused = await Cli.RunAsync("agreements", "resume", id.ToString(), "--reason", "Release installed");
        var status = await Succeeds("conformance", "status", system.ToString());

        Assert.Multiple(async () =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString);
            Assert.That(await StatusOf(id), Is.EqualTo("Suspended"));
            Assert.That(status.Stdout, Does.Contain("not certified").And.Contain("Release 2.0 must pass again"));
        });
    }

    [Test]
    public async Task Approve_TestAgreementOfAnUncertifiedSystem_IsNotGated()
    {
        var system = await NewSystemAsync();
        var id = await PingAgreementAsync(system, "Test");

        await Succeeds("agreements", "approve", id.ToString(), "--reason", "Trial");

        Assert.That(await StatusOf(id), Is.EqualTo("Active"));
    }

    [Test]
    public async Task Status_OfACertifiedSystem_ShowsEachScenarioWithItsEvidence()
    {
        var system = await NewSystemAsync();
        await CertifyForPingAsync(system);

        var json = (await Cli.JsonAsync("conformance", "status", system.ToString())).Json;
        var human = await Succeeds("conformance", "status", system.ToString());

        var scenarios = json.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("certified").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("catalogue").GetString(), Is.EqualTo(ConformanceCatalogue.Version));
            Assert.That(scenarios.Keys, Is.EquivalentTo(new[] { "operation.Ping", "callcontext.caseworker", "callcontext.systemcall", "soap.1.1", "soap.1.2" }));
            Assert.That(scenarios["callcontext.systemcall"].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "kit-ping-2" }));
            Assert.That(scenarios["soap.1.2"].GetProperty("state").GetString(), Is.EqualTo("NotYet"));
            Assert.That(scenarios["soap.1.2"].GetProperty("required").GetBoolean(), Is.False);
            Assert.That(human.Stdout, Does.Contain("certified; every required scenario is passed"));
        });
    }

    [Test]
    public async Task Status_OfAnUnknownSystem_IsRefused()
    {
        var result = await Cli.RunAsync("conformance", "status", Guid.NewGuid().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        Assert.That(result.Stderr, Does.Contain("gatewayctl systems list"));
    }

    [Test]
    public async Task Approve_WithTheTestInstallationsDatabase_JudgesTheSameSystemThere()
    {
        // Production here; Test an installation of its own, where the system of the same name and vendor made its calls.
        var testDatabase = await TestPostgres.CreateEmptyDatabaseAsync();
        var test = new GatewayctlRunner(testDatabase);
        Assert.That((await test.RunAsync("migrate")).ExitCode, Is.Zero);
        Assert.That((await test.RunAsync("authorities", "add", "--kind", "Municipality", "--code", "101", "--name", "Copenhagen")).ExitCode, Is.Zero);
        var name = $"Separate installations {Guid.NewGuid():N}";
        var inTest = Guid.Parse((await test.RunAsync("systems", "add", "--name", name, "--vendor-cvr", "12345674")).Stdout.Trim());
        var production = Guid.Parse((await Succeeds("systems", "add", "--name", name, "--vendor-cvr", "12345674")).Stdout.Trim());
        var id = await PingAgreementAsync(production, "Production");

        var before = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Signed", "--conformance-database", testDatabase);
        var trial = (await test.JsonAsync("agreements", "request", "--authority", Municipality, "--system", inTest.ToString(), "--environment", "Test",
            "--operations", "Ping", "--reason", "Trial")).Json.GetProperty("id").GetGuid();
        await RecordPingsAsync(testDatabase, inTest, trial);
        var after = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Kit passed in Test", "--conformance-database", testDatabase);

        Assert.Multiple(async () =>
        {
            Assert.That(before.ExitCode, Is.EqualTo(1), before.ToString);
            Assert.That(before.Stderr, Does.Contain("Test installation's calls").And.Contain("operation.Ping (NotYet)"));
            Assert.That(after.ExitCode, Is.Zero, after.ToString);
            Assert.That(await StatusOf(id), Is.EqualTo("Active"));
        });
    }

    [Test]
    public async Task Approve_WithATestDatabaseThatLacksTheSystem_IsRefusedNamingTheFix()
    {
        var testDatabase = await TestPostgres.CreateEmptyDatabaseAsync();
        Assert.That((await new GatewayctlRunner(testDatabase).RunAsync("migrate")).ExitCode, Is.Zero);
        var system = await NewSystemAsync();
        var id = await PingAgreementAsync(system, "Production");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Signed", "--conformance-database", testDatabase);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        Assert.That(result.Stderr, Does.Contain("has no IT system named").And.Contain("register it there under the same name and vendor"));
    }

    [TestCase("NothingListening")]
    [TestCase("NoSuchDatabase")]
    public async Task Approve_WithAnUnreachableTestDatabase_IsRefusedNamingItAsTheTestDatabase(string how)
    {
        var (testDatabase, description) = UnreachableTestDatabase(how);
        var id = await PingAgreementAsync(await NewSystemAsync(), "Production");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Signed", "--conformance-database", testDatabase);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
            Assert.That(result.Stderr, Does.StartWith($"Cannot approve Production agreement {id}: cannot reach the Test (conformance) database {description} named by --conformance-database: ")
                .And.Contain("Check that the Test installation's PostgreSQL runs")
                .And.Contain("--override-conformance TEXT lets it through anyway"));
            Assert.That(result.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "a message, not a stack trace");
            Assert.That(await StatusOf(id), Is.EqualTo("Requested"));
        });
    }

    [Test]
    public async Task Approve_WithAnUnreachableTestDatabaseFromTheEnvironment_IsRefusedNamingTheVariable()
    {
        var (testDatabase, description) = UnreachableTestDatabase("NothingListening");
        var id = await PingAgreementAsync(await NewSystemAsync(), "Production");

        var result = await GatewayctlRunner.RunRawAsync(
            ["--connection-string", ConnectionString, "--operator", GatewayctlRunner.Operator, "agreements", "approve", id.ToString(), "--reason", "Signed"],
            new Dictionary<string, string> { ["ConnectionStrings__Conformance"] = testDatabase });

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        Assert.That(result.Stderr, Does.Contain($"cannot reach the Test (conformance) database {description} named by the environment variable ConnectionStrings__Conformance: "));
    }

    [Test]
    public async Task Approve_WithATestDatabaseWithoutTheSchema_IsRefusedNamingItAsTheTestDatabase()
    {
        // A database that exists and answers, but is not a gateway's: no `gatewayctl migrate` was run on it.
        var testDatabase = await TestPostgres.CreateEmptyDatabaseAsync();
        var description = Gateway.Data.Database.GatewayDataSource.Describe(testDatabase);
        var id = await PingAgreementAsync(await NewSystemAsync(), "Production");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Signed", "--conformance-database", testDatabase);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
            Assert.That(result.Stderr, Does.StartWith($"Cannot approve Production agreement {id}: the Test (conformance) database {description} named by --conformance-database has no gateway schema")
                .And.Contain("name the Test installation's own database"));
            Assert.That(result.Stderr, Does.Not.Contain("gatewayctl migrate` first"), "this installation's database has its schema");
            Assert.That(await StatusOf(id), Is.EqualTo("Requested"));
        });
    }

    [TestCase("")]
    [TestCase("  ")]
    public async Task Approve_WithABlankConformanceDatabase_IsAUsageError(string value)
    {
        var id = await PingAgreementAsync(await NewSystemAsync(), "Production");

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "Signed", "--conformance-database", value);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--conformance-database must not be blank"));
    }

    /// <summary>
    /// A Test database that cannot be reached, with its description: a port on this machine where nothing listens, or a
    /// database the test server does not have.
    /// </summary>
    internal static (string ConnectionString, string Description) UnreachableTestDatabase(string how)
    {
        var connectionString = how switch
        {
            "NothingListening" => "Host=127.0.0.1;Port=1;Database=conformance;Username=gateway;Password=secret;Timeout=5",
            "NoSuchDatabase" => TestPostgres.ConnectionStringFor("no_such_conformance_database"),
            _ => throw new ArgumentOutOfRangeException(nameof(how), how, "not a way to be unreachable"),
        };
        return (connectionString, Gateway.Data.Database.GatewayDataSource.Describe(connectionString));
    }

    private Task<Guid> PingAgreementAsync(Guid system, string environment, params string[] extra) =>
        RequestForAsync(system, environment, ["--operations", "Ping", .. extra]);
}
