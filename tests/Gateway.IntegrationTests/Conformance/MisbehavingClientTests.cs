using System.ServiceModel;
using Gateway.Contracts;
using Gateway.Contracts.Types;
using Gateway.Data.Conformance;
using Gateway.Domain.Conformance;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Conformance;

/// <summary>
/// Case systems that get a drill wrong, against the real gateway with drills on: each leaves exactly its scenario
/// unpassed. One retries a lost answer under a new request id (and stores the registration twice), one sends a stale
/// correction again without reading, one never reconciles after an outage.
/// </summary>
[TestFixture]
public sealed class MisbehavingClientTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task LostAnswer_RetriedUnderANewRequestId_FailsTheRetryScenarioAndStoresTwice()
    {
        var (system, client) = await ConnectAsync();
        var cpr = TestCitizens.Next();
        var registration = SampleRegistrations.Minimal(cpr);

        var lost = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.RegisterInterview("first-try", registration))!;
        await client.RegisterInterview("second-try", registration);

        var result = await ResultAsync(system, "retry.lost-answer");
        Assert.Multiple(async () =>
        {
            Assert.That(lost.Detail.Code, Is.EqualTo("Server.Unavailable"));
            Assert.That(lost.Detail.Text, Does.StartWith("Conformance drill LostAnswer"));
            Assert.That(result.State, Is.EqualTo(ScenarioState.Failed));
            Assert.That(result.Note, Does.Contain("new request id"));
            Assert.That((await client.GetContactCourse(cpr)).Registrations, Has.Count.EqualTo(2), "the careless retry stored the interview twice");
        });
    }

    [Test]
    public async Task StaleCorrection_SentAgainWithoutReading_FailsTheStaleScenario()
    {
        var (system, client) = await ConnectAsync();
        var receipt = await PassLostAnswerAsync(client);
        var corrected = SampleRegistrations.Minimal(TestCitizens.Next());

        var stale = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.CorrectInterview("c1", receipt.RegistrationId, 1, "Forkert dato.", corrected))!;
        var again = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.CorrectInterview("c2", receipt.RegistrationId, 1, "Forkert dato.", corrected))!;
        var history = await client.GetInterview(receipt.RegistrationId);

        var result = await ResultAsync(system, "conflict.stale-version");
        Assert.Multiple(() =>
        {
            Assert.That((stale.Detail.Code, again.Detail.Code), Is.EqualTo(("Client.Conflict.StaleVersion", "Client.Conflict.StaleVersion")));
            Assert.That(history.Versions[^1].Reason, Does.StartWith("Conformance drill StaleVersion"), "the Test environment's own correction is in the history, saying what it is");
            Assert.That(result.State, Is.EqualTo(ScenarioState.Failed));
        });
    }

    [Test]
    public async Task Outage_RetriedUntilItPassesWithoutReconciling_LeavesTheReconcileScenarioNotPassed()
    {
        var (system, client) = await ConnectAsync();
        var receipt = await PassLostAnswerAsync(client);
        var corrected = SampleRegistrations.Minimal(TestCitizens.Next());
        Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.CorrectInterview("c1", receipt.RegistrationId, 1, "Forkert dato.", corrected));
        var latest = await client.GetInterview(receipt.RegistrationId);
        corrected.Cpr = latest.Cpr;
        await client.CorrectInterview("c2", receipt.RegistrationId, latest.CurrentVersion, "Forkert dato.", corrected);

        var refused = new List<string>();
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        for (var attempt = 0; attempt < ConformanceDrills.OutageWrites; attempt++)
        {
            refused.Add(Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.RegisterInterview("during-outage", registration))!.Detail.Text);
        }

        await client.RegisterInterview("during-outage", registration);

        var report = await new ConformanceStanding(_gateway.Store).ForSystemAsync(system.Id, CancellationToken.None);
        var states = report.Results.ToDictionary(r => r.Scenario.Id, r => r.State);
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.All.StartsWith("Conformance drill Outage"));
            Assert.That(states["retry.lost-answer"], Is.EqualTo(ScenarioState.Passed));
            Assert.That(states["conflict.stale-version"], Is.EqualTo(ScenarioState.Passed));
            Assert.That(states["reconcile.outage"], Is.EqualTo(ScenarioState.NotYet), "the feed was never paged");
            Assert.That(report.Certified, Is.False);
        });
    }

    [Test]
    public async Task StaleDrill_OnACorrectionTheSchemaRefuses_ChangesNothing()
    {
        var (system, client) = await ConnectAsync();
        var receipt = await PassLostAnswerAsync(client);
        var body = (await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", "CorrectInterview.xml")))
            .Replace("0f5a4db0-c5e0-4a11-8d00-000000000001", system.AgreementId.ToString(), StringComparison.Ordinal)
            .Replace("00000000-0000-0000-0000-000000000000", receipt.RegistrationId.ToString(), StringComparison.Ordinal)
            .Replace("<CaseType>Kontanthjaelp</CaseType>", "<CaseType>NoSuchCase</CaseType>", StringComparison.Ordinal);
        using var http = _gateway.CreateHttp(system.Certificate);

        using var response = await http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));

        var fault = await SoapRequests.ReadFaultAsync(response);
        Assert.Multiple(async () =>
        {
            Assert.That(fault.Code, Is.EqualTo("Client.Validation.SchemaViolation"));
            Assert.That((await client.GetInterview(receipt.RegistrationId)).CurrentVersion, Is.EqualTo(1), "the drill did not correct on a refused call");
            Assert.That((await ResultAsync(system, "conflict.stale-version")).State, Is.EqualTo(ScenarioState.NotYet));
        });
    }

    private async Task<(KitSystem System, IContactCourseService Client)> ConnectAsync()
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Careless system");
        await new ConformanceStore(_gateway.Store).SwitchDrillsAsync(system.Id, true, "tests", "drills for a careless system", CancellationToken.None);
        return (system, _gateway.ClientWith(system.Certificate, () =>
        {
            var context = Callers.ContextOf(As.Municipality);
            context.AgreementId = system.AgreementId;
            return context;
        }));
    }

    // The first registration's answer is withheld; the same request id again gets its receipt.
    private static async Task<RegistrationReceipt> PassLostAnswerAsync(IContactCourseService client)
    {
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.RegisterInterview("lost", registration));
        return await client.RegisterInterview("lost", registration);
    }

    private async Task<ScenarioResult> ResultAsync(KitSystem system, string id) =>
        (await new ConformanceStanding(_gateway.Store).ForSystemAsync(system.Id, CancellationToken.None)).Results.Single(r => r.Scenario.Id == id);
}
