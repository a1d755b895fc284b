using System.ServiceModel;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Data.Conformance;
using Gateway.Domain.Agreements;
using Gateway.Domain.Conformance;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline.Conformance;

/// <summary>
/// The observe stage on the real gateway: real calls in the Test environment, through the WCF client over mutual TLS,
/// are recorded with their outcomes before the answer leaves, and judged by the conformance catalogue; calls in
/// Production are not recorded at all; no CPR number is kept.
/// </summary>
[TestFixture]
public sealed class ObservationTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task TestCalls_OfAWellBehavedSystem_PassEveryScenarioThatNeedsNoDrill()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        await client.Ping();
        await _gateway.ClientWith(TestGateway.ClientCertificate, SystemCall).Ping();
        await _gateway.Soap12Client().Ping();
        var first = await client.RegisterInterview(SampleRegistrations.Complete(cpr));
        var starthjaelp = SampleRegistrations.Minimal(TestCitizens.Next());
        starthjaelp.CaseType = CaseType.Starthjaelp;
        var second = await client.RegisterInterview(starthjaelp);
        await _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(SampleRegistrations.Complete(TestCitizens.Next(), CaseType.Dagpenge));
        await client.GetContactCourse(cpr);
        await client.GetInterview(first.RegistrationId);
        var corrected = SampleRegistrations.Complete(cpr);
        corrected.MatchCategory = MatchCategory.IntetMatch;
        await client.CorrectInterview("obs-correct", first.RegistrationId, 1, "Forkert matchkategori.", corrected);
        await client.CancelInterview("obs-cancel", second.RegistrationId, 1, "Forkert borger.");
        var invalid = SampleRegistrations.Minimal(TestCitizens.Next());
        invalid.Interview.HeldOn = SampleRegistrations.Today.AddDays(5);
        Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.RegisterInterview("obs-invalid", invalid));
        invalid.Interview.HeldOn = SampleRegistrations.Today;
        await client.RegisterInterview("obs-fixed", invalid);
        await client.ListRegistrations(null, 10);

        var report = await new ConformanceStanding(_gateway.Store).ForSystemAsync(_gateway.ItSystemId, CancellationToken.None);

        var states = report.Results.ToDictionary(r => r.Scenario.Id, r => r.State);
        var drills = ConformanceCatalogue.Scenarios.Where(s => s.Drill is not null).Select(s => s.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(states.Where(s => !drills.Contains(s.Key) && s.Value != ScenarioState.Passed).Select(s => s.Key), Is.Empty);
            Assert.That(drills.Select(d => states[d]), Is.All.EqualTo(ScenarioState.NotYet));
            Assert.That(report.Certified, Is.False, "the drills are still to come");
        });
    }

    [Test]
    public async Task TestCalls_RefusedByTheSchema_AreRecordedWithTheirFaultCode()
    {
        var before = await _gateway.CountAsync("conformance_observation");
        var body = (await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", "RegisterInterview.xml")))
            .Replace("<CaseType>Kontanthjaelp</CaseType>", "<CaseType>Unknown</CaseType>", StringComparison.Ordinal);

        using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));

        var fault = await SoapRequests.ReadFaultAsync(response);
        await using var command = _gateway.DataSource.CreateCommand("select outcome from conformance_observation order by id desc limit 1");
        Assert.Multiple(async () =>
        {
            Assert.That(fault.Code, Is.EqualTo("Client.Validation.SchemaViolation"));
            Assert.That(await _gateway.CountAsync("conformance_observation"), Is.EqualTo(before + 1));
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("Client.Validation.SchemaViolation"));
        });
    }

    [Test]
    public async Task Observations_OfRegistrationsAndReads_HoldNoCprNumber()
    {
        var cpr = TestCitizens.Next();
        var client = _gateway.Client();
        await client.RegisterInterview(SampleRegistrations.Complete(cpr));
        await client.GetContactCourse(cpr);

        await using var command = _gateway.DataSource.CreateCommand("select count(*) from conformance_observation o where o::text like '%' || $1 || '%'");
        command.Parameters.AddWithValue(cpr);
        Assert.That(await command.ExecuteScalarAsync(), Is.Zero);
    }

    [Test]
    public async Task Observations_OfARefusedCallWithAHugeRequestIdHoldingACpr_KeepOnlyItsHash()
    {
        var cpr = TestCitizens.Next();
        var body = (await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", "RegisterInterview.xml")))
            .Replace("<RequestId>sample-registerinterview-1</RequestId>", $"<RequestId>{cpr}{new string('x', 200_000)}</RequestId>", StringComparison.Ordinal);

        using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));

        await using var command = _gateway.DataSource.CreateCommand(
            "select length(o::text), o::text like '%' || $1 || '%', length(request_id) from conformance_observation o order by id desc limit 1");
        command.Parameters.AddWithValue(cpr);
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500));
            Assert.That(row.GetInt32(0), Is.LessThan(2_000), "an observation's size does not grow with what the caller sent");
            Assert.That(row.GetBoolean(1), Is.False, "no CPR number");
            Assert.That(row.GetInt32(2), Is.EqualTo(64), "the request id as a SHA-256 hash");
        });
    }

    [Test]
    public async Task Calls_UnderAProductionAgreement_AreNotRecorded()
    {
        await using var production = await TestGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Environment"] = "Production" });
        var agreement = await production.Agreements.RequestAgreementAsync(new AgreementRequest
        {
            Authority = new(AuthorityKind.Municipality, Callers.MunicipalityCode),
            ItSystemId = production.ItSystemId,
            Operations = new HashSet<string>(["Ping"]),
            CaseTypes = new HashSet<CaseType>(),
            ReadScope = ReadScope.OwnCitizens,
            Environment = GatewayEnvironment.Production,
            ValidFrom = new DateOnly(2020, 1, 1),
        }, "tests", "production call", CancellationToken.None, activate: true);
        var context = Callers.ContextOf(As.Municipality);
        context.AgreementId = agreement.Id;

        await production.ClientWith(TestGateway.ClientCertificate, () => context).Ping();

        Assert.That(await production.CountAsync("conformance_observation"), Is.Zero);
    }

    private static CallContext SystemCall()
    {
        var context = Callers.ContextOf(As.Municipality);
        context.CaseWorkerId = null;
        context.SystemCall = new SystemCall();
        return context;
    }
}
