using System.Net;
using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Data.Supervision;
using Gateway.Domain.Supervision;
using Gateway.Host.Sandbox;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.RegistrationTool;

/// <summary>
/// The supervision figure of the registrations made in the registration tool (<see cref="SupervisionFigures.ThroughTool"/>),
/// on a data set made through both channels of one municipality: counted by the channel of the first version, so a
/// correction over SOAP keeps a tool registration counted and a correction in the tool does not make a SOAP one counted;
/// a cancelled one is left out. Counting by the latest version's channel would give 3 of 5. The same numbers come from the store, the SOAP operation, gatewayctl's table and its HTML.
/// </summary>
[TestFixture]
public sealed class ToolSupervisionTests
{
    private static readonly DateTime Today = SampleRegistrations.Today;
    private ToolSite _site = null!;

    [OneTimeSetUp]
    public async Task RegisterThroughBothChannels()
    {
        _site = await ToolSite.StartAsync();
        using var tool = _site.Client();
        var signIn = await tool.SignInAsync();
        Assert.That(signIn.Status, Is.EqualTo(HttpStatusCode.Found), signIn.Text);
        var soap = _site.Gateway.Client();

        // In the tool only: counted.
        await RegisterInToolAsync(tool, TestCitizens.Next());
        // In the tool, corrected over SOAP: counted (the first version came through the tool).
        var toolThenSoap = TestCitizens.Next();
        await soap.CorrectInterview("s-" + Guid.NewGuid().ToString("N"), await RegisterInToolAsync(tool, toolThenSoap), 1, "Forkert kategori.", SampleRegistrations.Minimal(toolThenSoap));
        // Over SOAP, corrected in the tool, twice: not counted. (Two, so that counting by the latest version's channel
        // would give another number than counting by the first's.)
        foreach (var soapThenTool in new[] { TestCitizens.Next(), TestCitizens.Next() })
        {
            var soapFirst = await soap.RegisterInterview(SampleRegistrations.Minimal(soapThenTool));
            await tool.GetAsync($"/registrering/{soapFirst.RegistrationId}/ret");
            var corrected = await tool.PostAsync($"/registrering/{soapFirst.RegistrationId}/ret",
                ToolForms.Minimal(soapThenTool, tool.Hidden("RequestId")).With("Version", tool.Hidden("Version")).With("Reason", "Forkert matchkategori."));
            Assert.That(corrected.Status, Is.EqualTo(HttpStatusCode.Found), corrected.Text);
        }
        // In the tool, then cancelled in it: left out, as every cancelled registration is.
        var cancelledId = await RegisterInToolAsync(tool, TestCitizens.Next());
        await tool.GetAsync($"/registrering/{cancelledId}/annuller");
        var cancelled = await tool.PostAsync($"/registrering/{cancelledId}/annuller", [new("RequestId", tool.Hidden("RequestId")), new("Version", "1"), new("Reason", "Forkert borger.")]);
        Assert.That(cancelled.Status, Is.EqualTo(HttpStatusCode.Found), cancelled.Text);
        // Over SOAP only: not counted.
        await soap.RegisterInterview(SampleRegistrations.Minimal(TestCitizens.Next()));
    }

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task ThroughTool_FirstVersionsChannelCountedCancelledLeftOut_IsTwoOfFiveInEveryWayOut()
    {
        var (from, to) = (DateOnly.FromDateTime(Today.AddDays(-7)), DateOnly.FromDateTime(Today));
        var stored = await new SupervisionStore(_site.Gateway.Store, TimeProvider.System).ReportAsync(
            SandboxIdentity.Authority, from, to, SupervisionFigures.DefaultOverdueAfterMonths, 3, CancellationToken.None);
        var soap = await _site.Gateway.Client().GetSupervisionReport(new SupervisionQuery
        {
            Authority = new Authority { Kind = AuthorityKind.Municipality, Code = SandboxIdentity.Authority.Code },
            From = Today.AddDays(-7),
            To = Today,
        });
        string[] report = ["--connection-string", _site.Gateway.ConnectionString, "supervision", "report", "--authority", $"Municipality:{SandboxIdentity.Authority.Code}",
            "--from", from.ToString("yyyy-MM-dd"), "--to", to.ToString("yyyy-MM-dd")];
        var page = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"tool-{Guid.NewGuid():N}.html");
        var (table, csv, errors) = (new StringWriter(), new StringWriter(), new StringWriter());
        var exits = new[]
        {
            await Gateway.Cli.Gatewayctl.RunAsync(report, table, errors),
            await Gateway.Cli.Gatewayctl.RunAsync([.. report, "--format", "csv"], csv, errors),
            await Gateway.Cli.Gatewayctl.RunAsync([.. report, "--format", "html", "--output", page], new StringWriter(), errors),
        };
        var html = File.ReadAllText(page);
        File.Delete(page);
        // The facts made again from the versions (supervision_fact_rebuild) agree with those the writes' passes made.
        await using (var connection = await _site.Gateway.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("select supervision_fact_rebuild()");
        }

        var rebuilt = await new SupervisionStore(_site.Gateway.Store, TimeProvider.System).ReportAsync(
            SandboxIdentity.Authority, from, to, SupervisionFigures.DefaultOverdueAfterMonths, 3, CancellationToken.None);

        var overview = (await new SupervisionStore(_site.Gateway.Store, TimeProvider.System).OverviewAsync(from, to, SupervisionFigures.DefaultOverdueAfterMonths, CancellationToken.None))
            .Single(l => l.Authority == SandboxIdentity.Authority);
        var overviewCsv = new StringWriter();
        var overviewExit = await Gateway.Cli.Gatewayctl.RunAsync(["--connection-string", _site.Gateway.ConnectionString, "supervision", "overview",
            "--from", from.ToString("yyyy-MM-dd"), "--to", to.ToString("yyyy-MM-dd"), "--format", "csv", "--sort", "tool"], overviewCsv, errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exits, Is.All.Zero, errors.ToString);
            Assert.That(stored.ThroughTool, Is.EqualTo(new Domain.Supervision.SupervisionReport.Share(2, 5)));
            Assert.That(rebuilt.ThroughTool, Is.EqualTo(stored.ThroughTool), "after supervision_fact_rebuild");
            Assert.That((soap.ThroughRegistrationTool.Count, soap.ThroughRegistrationTool.Of), Is.EqualTo((2, 5)));
            Assert.That(soap.Definitions.Select(d => d.Figure), Does.Contain(SupervisionFigures.ThroughTool.Id));
            Assert.That(table.ToString(), Does.Contain("Registered in the registration tool").And.Contain("Registreret i registreringsværktøjet").And.Contain("2 of 5").And.Contain("40.0 %"));
            Assert.That(csv.ToString(), Does.Contain(",registration-tool,,2,5,0.4000"));
            Assert.That(html, Does.Contain("<tr id=\"registration-tool\">").And.Contain("2 / 5"));
            Assert.That(overview.ThroughTool, Is.EqualTo(stored.ThroughTool), "the overview counts as the report does");
            Assert.That(overviewExit, Is.Zero, errors.ToString);
            Assert.That(overviewCsv.ToString().Split('\n')[0], Does.EndWith(",registration_tool,registration_tool_share"));
            Assert.That(overviewCsv.ToString().Split('\n')[1], Does.StartWith($"{SandboxIdentity.Authority},").And.EndWith(",2,0.4000"), "sorted by the tool's share, largest first");
        }
    }

    private static async Task<Guid> RegisterInToolAsync(ToolClient tool, string cpr)
    {
        await tool.GetAsync("/registrer");
        var stored = await tool.PostAsync("/registrer", ToolForms.Minimal(cpr, tool.Hidden("RequestId")));
        Assert.That(stored.Status, Is.EqualTo(HttpStatusCode.Found), stored.Text);
        return stored.StoredRegistrationId;
    }
}
