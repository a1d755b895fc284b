using System.Text.Json;
using System.Xml.Linq;
using Gateway.Cli;
using Gateway.Conformance;
using Gateway.Data.Conformance;
using Gateway.Domain.Conformance;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Conformance;

/// <summary>
/// The reference kit against the real gateway (PostgreSQL, mutual TLS, the WCF client of the published contract): it
/// passes every scenario with the drills it switches on itself, its reports say so, and afterwards a Production agreement
/// for its system is approved without an override. Certification is the database's: it survives a restart and is the
/// same on a second gateway instance.
/// </summary>
[TestFixture]
public sealed class ConformanceKitTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task Kit_AgainstTheTestEnvironment_PassesEveryScenarioAndCertifiesTheSystem()
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Kit system");
        using var connection = new KitConnection(system.Target(_gateway));
        var progress = new StringWriter();
        var kit = new KitRun(connection, progress);

        var status = await kit.RunAsync(CancellationToken.None);
        await connection.Soap11().Ping();
        var drillsAfter = await new ConformanceStore(_gateway.Store).DrillsOnAsync(system.Id, CancellationToken.None);

        var states = status.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(kit.Steps.Where(s => s.Failure is not null).Select(s => $"{s.Title}: {s.Failure}"), Is.Empty, progress.ToString);
            Assert.That(states.Where(s => s.Value != "Passed").Select(s => s.Key), Is.Empty, progress.ToString);
            Assert.That(status.GetProperty("certified").GetBoolean(), Is.True);
            Assert.That(progress.ToString(), Does.Contain("Conformance drill LostAnswer").And.Contain("Conformance drill Outage").And.Contain("was stale"));
            Assert.That(drillsAfter, Is.False, "with every drill passed, the gateway switched them off");
            Assert.That(_gateway.Log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => $"{e.Category}[{e.EventId.Id}]"), Is.Empty,
                "a drill's Server.Unavailable is no failure of the gateway's");
            Assert.That(_gateway.Log.Entries.Count(e => e.EventId.Id == 1303), Is.GreaterThanOrEqualTo(5), "LostAnswer, StaleVersion and three Outage refusals, each logged as a drill");
        });
    }

    [Test]
    public async Task Kit_Reports_AreJUnitAndMarkdownOfTheGatewaysJudgement()
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Reported system");
        using var connection = new KitConnection(system.Target(_gateway));
        var kit = new KitRun(connection, TextWriter.Null);
        var report = new KitReport(await kit.RunAsync(CancellationToken.None), kit.Steps, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1));
        var junit = Path.Combine(Path.GetTempPath(), $"kit-{Guid.NewGuid():N}.xml");
        var markdown = Path.ChangeExtension(junit, ".md");

        try
        {
            report.WriteJUnit(junit);
            report.WriteMarkdown(markdown);

            var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
            Assert.Multiple(() =>
            {
                Assert.That(report.Certified, Is.True);
                Assert.That((int)suite.Attribute("tests")!, Is.EqualTo(ConformanceCatalogue.Scenarios.Count(s => s.CaseType is not Gateway.Contracts.CodeLists.CaseType.Dagpenge)));
                Assert.That((int)suite.Attribute("failures")!, Is.Zero);
                Assert.That(suite.Elements("testcase").Select(c => (string)c.Attribute("name")!), Has.Some.StartsWith("retry.lost-answer: "));
                Assert.That(File.ReadAllText(markdown), Does.Contain("Result: **certified**").And.Contain("`reconcile.outage`"));
            });
        }
        finally
        {
            File.Delete(junit);
            File.Delete(markdown);
        }
    }

    [Test]
    public async Task Approve_ProductionAfterTheKitPassed_NeedsNoOverrideAndSurvivesARestartAndASecondInstance()
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Certified system");
        var cli = new StringWriter();
        var errors = new StringWriter();
        var requested = await Gatewayctl.RunAsync(
            ["--connection-string", _gateway.ConnectionString, "--json", "agreements", "request", "--authority", "Municipality:999", "--system", system.Id.ToString(),
             "--environment", "Production", "--operations", "Ping,RegisterInterview,GetContactCourse", "--reason", "Production contract"], cli, errors);
        Assert.That(requested, Is.Zero, errors.ToString);
        var production = JsonDocument.Parse(cli.ToString()).RootElement.GetProperty("id").GetString()!;
        var refused = await Gatewayctl.RunAsync(["--connection-string", _gateway.ConnectionString, "agreements", "approve", production, "--reason", "Contract signed"], TextWriter.Null, errors);

        using (var connection = new KitConnection(system.Target(_gateway)))
        {
            await new KitRun(connection, TextWriter.Null).RunAsync(CancellationToken.None);
        }

        await using var second = await TestGateway.StartAsync(connectionString: _gateway.ConnectionString);
        var onSecond = await new ConformanceStanding(second.Store).ForSystemAsync(system.Id, CancellationToken.None);
        var approved = await Gatewayctl.RunAsync(["--connection-string", _gateway.ConnectionString, "agreements", "approve", production, "--reason", "Kit passed"], TextWriter.Null, errors);

        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(1), "before the kit ran");
            Assert.That(onSecond.Certified, Is.True, "another instance on the same database sees the certification");
            Assert.That(approved, Is.Zero, errors.ToString);
        });
    }
}
