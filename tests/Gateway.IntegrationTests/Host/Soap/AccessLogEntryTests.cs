using System.ServiceModel;
using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Data.AccessLog;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>
/// Every read of a citizen's data and every write leaves an access-log entry (domain.md § 6) with who, which citizen,
/// what and the outcome; refusals and retries included. Checked in PostgreSQL after real calls.
/// </summary>
[TestFixture]
[NonParallelizable] // Reads the feed and waits for the sealer, whose horizon is the oldest transaction open anywhere in the cluster: runs alone.
public sealed class AccessLogEntryTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task EveryOperation_OnACitizen_IsLoggedWithWhoWhatAndOutcome()
    {
        var cpr = TestCitizens.Next();
        var client = _gateway.Client(As.OtherActor);
        var requestId = "log-" + Guid.NewGuid().ToString("N");

        var receipt = await client.RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));
        await client.RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));
        await client.GetContactCourse(cpr);
        await client.CorrectInterview("log-" + Guid.NewGuid().ToString("N"), receipt.RegistrationId, 1, "Rettelse.", SampleRegistrations.Minimal(cpr));
        Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.CancelInterview("log-" + Guid.NewGuid().ToString("N"), receipt.RegistrationId, 1, "Forældet."));
        await client.GetInterview(receipt.RegistrationId);

        var entries = await EntriesAsync(cpr);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Select(e => (e.Operation, e.Outcome)), Is.EqualTo(new[]
            {
                ("RegisterInterview", "Ok"),
                ("RegisterInterview", "Replayed"),
                ("GetContactCourse", "Ok"),
                ("CorrectInterview", "Ok"),
                ("CancelInterview", "Client.Conflict.StaleVersion"),
                ("GetInterview", "Ok"),
            }));
            var first = entries[0];
            Assert.That(first.AgreementId, Is.EqualTo(Callers.OtherActorAgreementId));
            Assert.That(first.ItSystemId, Is.EqualTo(_gateway.ItSystemId));
            Assert.That((first.AuthorityKind, first.AuthorityCode), Is.EqualTo(("OtherActor", Callers.OtherActorCvr)));
            Assert.That((first.PrincipalKind, first.PrincipalCode), Is.EqualTo(("Municipality", Callers.MunicipalityCode)));
            Assert.That(first.CaseWorkerId, Is.EqualTo("aa-7"));
            Assert.That(first.CallId, Does.StartWith("test-"));
            Assert.That(entries.Where(e => e.Operation != "GetContactCourse").Select(e => e.RegistrationId), Is.All.EqualTo(receipt.RegistrationId));
            Assert.That(first.RecordedAt, Is.EqualTo(receipt.ReceivedAt), "a write's entry carries the time of the write");
        }
    }

    [Test]
    public async Task Read_Refused_IsLoggedWithItsCodeAndTheCitizenItConcerned()
    {
        var cpr = TestCitizens.Next();
        var theirs = await _gateway.Client(As.EmploymentServiceUnit).RegisterInterview(SampleRegistrations.Complete(cpr, CaseType.Dagpenge));
        var own = await _gateway.OwnCitizensClientAsync();

        Assert.ThrowsAsync<FaultException<GatewayFault>>(() => own.GetContactCourse(cpr));
        Assert.ThrowsAsync<FaultException<GatewayFault>>(() => own.GetInterview(theirs.RegistrationId));

        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        var refusals = (await connection.QueryAsync<(string Operation, string? Cpr, string Outcome)>(
            "select operation, cpr, outcome from access_log where registration_id = @id or (cpr = @cpr and operation = 'GetContactCourse') order by id",
            new { id = theirs.RegistrationId, cpr })).ToList();
        Assert.That(refusals.Where(r => r.Outcome != "Ok"), Is.EqualTo(new[]
        {
            ("GetContactCourse", (string?)cpr, "Client.AccessDenied.OutsideReadScope"),
            ("GetInterview", (string?)cpr, "Client.AccessDenied.OutsideReadScope"),
        }));
    }

    [Test]
    public async Task ListRegistrations_PageWithTwoVersionsOfOneCitizen_LogsOneEntryPerCitizenOnThePage()
    {
        var client = _gateway.Client(As.EmploymentServiceUnit);
        string? cursor = null;
        RegistrationPage drained;
        do
        {
            drained = await client.ListRegistrations(cursor, 500);
            cursor = drained.NextCursor;
        }
        while (drained.More);

        var cpr = TestCitizens.Next();
        var registered = await client.RegisterInterview(SampleRegistrations.Complete(cpr, CaseType.Dagpenge));
        await client.CorrectInterview("log-" + Guid.NewGuid().ToString("N"), registered.RegistrationId, 1, "Rettelse.", SampleRegistrations.Complete(cpr, CaseType.Dagpenge));

        var page = await client.ListRegistrations(cursor, 500);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Entries, Has.Count.EqualTo(2), "the registration and its correction");
            Assert.That((await EntriesAsync(cpr)).Where(e => e.Operation == "ListRegistrations").Select(e => e.Outcome), Is.EqualTo(new[] { "Ok" }));
        }
    }

    [Test]
    public async Task Sealer_OfTheRunningGateway_ChainsEveryEntryWithinSecondsAndTheChainVerifies()
    {
        var cpr = TestCitizens.Next();
        var client = _gateway.Client();
        var receipt = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        await client.GetInterview(receipt.RegistrationId);

        // The gateway seals once a second; give it a generous bound on a busy machine, and stop as soon as it is done.
        await Eventually.HoldsAsync(async () => await _gateway.CountAsync("access_log") == await _gateway.CountAsync("access_log_seal"),
            "the sealer never sealed every entry", TimeSpan.FromSeconds(30));

        var verification = await new AccessLogVerifier(_gateway.Store).VerifyAsync(null, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(verification.Intact, Is.True, verification.FirstBreak?.ToString());
            Assert.That(verification.NotYetSealed, Is.Zero);
            Assert.That(verification.EntriesVerified, Is.EqualTo(await _gateway.CountAsync("access_log")));
        }
    }

    private async Task<List<Entry>> EntriesAsync(string cpr)
    {
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<Entry>("""
            select operation as Operation, outcome as Outcome, agreement_id as AgreementId, it_system_id as ItSystemId,
                   authority_kind as AuthorityKind, authority_code as AuthorityCode, principal_kind as PrincipalKind,
                   principal_code as PrincipalCode, case_worker_id as CaseWorkerId, call_id as CallId,
                   registration_id as RegistrationId, recorded_at as RecordedAt
            from access_log where cpr = @cpr order by id
            """, new { cpr })];
    }

    private sealed record Entry(
        string Operation, string Outcome, Guid AgreementId, Guid ItSystemId, string AuthorityKind, string AuthorityCode,
        string? PrincipalKind, string? PrincipalCode, string CaseWorkerId, string CallId, Guid? RegistrationId, DateTime RecordedAt);
}
