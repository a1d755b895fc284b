using Gateway.Cli.Tests.Support;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Registrations;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Registrations;

/// <summary>
/// Item 1's channel through the running gateway: every version a SOAP call makes is stored as coming through the web
/// services, and <c>gatewayctl registrations history</c> shows it beside the agreement and the case worker, without
/// the citizen or the items.
/// </summary>
[TestFixture]
public sealed class ChannelTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task SoapWrites_RegisterCorrectCancel_EveryVersionIsStoredAsWebServices()
    {
        var (registrationId, _) = await RegisterCorrectCancelAsync();

        var history = await new RegistrationStore(_gateway.Store).HistoryAsync(registrationId, CancellationToken.None);

        Assert.That(history.Select(v => (v.Version, v.Channel)), Is.EqualTo(new[]
        {
            (1, RegistrationChannel.WebServices), (2, RegistrationChannel.WebServices), (3, RegistrationChannel.WebServices),
        }));
    }

    [Test]
    public async Task GatewayctlRegistrationsHistory_OfASoapRegistration_ShowsChannelAgreementAndCaseWorkerButNoCitizen()
    {
        var (registrationId, cpr) = await RegisterCorrectCancelAsync();
        var cli = new GatewayctlRunner(_gateway.ConnectionString);

        var human = await cli.RunAsync("registrations", "history", registrationId.ToString());
        var json = (await cli.JsonAsync("registrations", "history", registrationId.ToString())).Json;

        Assert.Multiple(() =>
        {
            Assert.That(human.ExitCode, Is.Zero, human.ToString);
            Assert.That(human.Stdout, Does.StartWith("VERSION").And.Contain("web services").And.Contain("Cancelled"));
            Assert.That(human.Stdout + json.GetRawText(), Does.Not.Contain(cpr).And.Not.Contain(cpr[..6]), "the command shows no citizen");
            var versions = json.EnumerateArray().ToList();
            Assert.That(versions.Select(v => v.GetProperty("channel").GetString()), Is.EqualTo(new[] { "WebServices", "WebServices", "WebServices" }));
            Assert.That(versions.Select(v => v.GetProperty("version").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(versions[0].TryGetProperty("interview", out _), Is.False);
        });
    }

    [Test]
    public async Task GatewayctlRegistrationsHistory_UnknownId_IsRefusedNamingWhereIdsAre()
    {
        var result = await new GatewayctlRunner(_gateway.ConnectionString).RunAsync("registrations", "history", Guid.NewGuid().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(Gateway.Cli.Execution.ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("receipt"));
    }

    private async Task<(Guid RegistrationId, string Cpr)> RegisterCorrectCancelAsync()
    {
        var cpr = TestCitizens.Next();
        var client = _gateway.Client();
        var registered = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        await client.CorrectInterview("test-" + Guid.NewGuid().ToString("N"), registered.RegistrationId, 1, "Forkert matchkategori.", SampleRegistrations.Minimal(cpr));
        await client.CancelInterview("test-" + Guid.NewGuid().ToString("N"), registered.RegistrationId, 2, "Registreret på forkert borger.");
        return (registered.RegistrationId, cpr);
    }
}
