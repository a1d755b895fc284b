using System.ServiceModel;
using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.Host.Soap;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>
/// Retrying a write is safe (domain.md § 5): the same request id with the same content returns the first receipt and
/// stores nothing; with other content it is refused; concurrent duplicates store exactly one registration. A write stored
/// by a release before fingerprint form v1 is still recognised by its retry after the upgrade.
/// </summary>
[TestFixture]
public sealed class IdempotentWriteTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task RegisterInterview_SameRequestIdSameContent_SecondCallReturnsTheFirstReceiptAndStoresNothing()
    {
        var client = _gateway.Client();
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        var requestId = NewRequestId();

        var first = await client.RegisterInterview(requestId, registration);
        var before = await _gateway.CountAsync("registration");
        var again = await client.RegisterInterview(requestId, registration);

        Assert.Multiple(async () =>
        {
            Assert.That((again.RegistrationId, again.Version, again.ReceivedAt), Is.EqualTo((first.RegistrationId, first.Version, first.ReceivedAt)));
            Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RegisterInterview_SameRequestIdOtherContent_IsRequestIdReusedAndStoresNothing()
    {
        var client = _gateway.Client();
        var requestId = NewRequestId();
        await client.RegisterInterview(requestId, SampleRegistrations.Minimal(TestCitizens.Next()));
        var before = await _gateway.CountAsync("registration");

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.RegisterInterview(requestId, SampleRegistrations.Minimal(TestCitizens.Next())))!;

        Assert.Multiple(async () =>
        {
            Assert.That(fault.Detail.Code, Is.EqualTo("Client.Conflict.RequestIdReused"));
            Assert.That(fault.Detail.Retryable, Is.False);
            Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RegisterInterview_SameRequestIdUnderAnotherAgreement_IsAnotherWrite()
    {
        var requestId = NewRequestId();
        var cpr = TestCitizens.Next();
        var mine = await _gateway.Client(As.Municipality).RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));
        var theirs = await _gateway.Client(As.OtherActor).RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));

        Assert.That(theirs.RegistrationId, Is.Not.EqualTo(mine.RegistrationId));
    }

    [Test]
    public async Task RegisterInterview_ConcurrentDuplicates_StoreExactlyOneRegistrationAndAllGetTheSameReceipt()
    {
        const int duplicates = 8;
        var cpr = TestCitizens.Next();
        var registration = SampleRegistrations.Minimal(cpr);
        var requestId = NewRequestId();
        var clients = Enumerable.Range(0, duplicates).Select(_ => _gateway.Client()).ToList();

        var receipts = await Task.WhenAll(clients.Select(c => Task.Run(() => c.RegisterInterview(requestId, registration))));

        await using var count = _gateway.DataSource.CreateCommand($"select count(*) from registration where cpr = '{cpr}'");
        Assert.Multiple(async () =>
        {
            Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(1L));
            Assert.That(receipts.Select(r => r.RegistrationId).Distinct(), Has.Exactly(1).Items);
        });
    }

    [Test]
    public async Task RegistrationStoredBeforeTheUpgrade_Retry_ReturnsTheFirstReceiptAndStoresNothing()
    {
        var client = _gateway.Client();
        var registration = SampleRegistrations.Complete(TestCitizens.Next());
        var requestId = NewRequestId();
        var first = await client.RegisterInterview(requestId, registration);
        await StoredBeforeTheUpgradeAsync(requestId, RequestFingerprint.OfRegistration(MunicipalityCaller, ContractMapper.ToInterview(registration)));
        var before = await _gateway.CountAsync("registration_version");

        var again = await client.RegisterInterview(requestId, registration);

        Assert.Multiple(async () =>
        {
            Assert.That((again.RegistrationId, again.Version, again.ReceivedAt), Is.EqualTo((first.RegistrationId, first.Version, first.ReceivedAt)));
            Assert.That(await _gateway.CountAsync("registration_version"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RegistrationStoredBeforeTheUpgrade_OtherContent_IsRequestIdReused()
    {
        var client = _gateway.Client();
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        var requestId = NewRequestId();
        await client.RegisterInterview(requestId, registration);
        await StoredBeforeTheUpgradeAsync(requestId, RequestFingerprint.OfRegistration(MunicipalityCaller, ContractMapper.ToInterview(registration)));
        registration.CitizenComments = "Tilføjet bagefter.";

        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.RegisterInterview(requestId, registration))!;

        Assert.That(fault.Detail.Code, Is.EqualTo("Client.Conflict.RequestIdReused"));
    }

    [Test]
    public async Task CancellationStoredBeforeTheUpgrade_Retry_ReturnsTheFirstReceipt()
    {
        var client = _gateway.Client();
        var registered = await client.RegisterInterview(NewRequestId(), SampleRegistrations.Minimal(TestCitizens.Next()));
        var requestId = NewRequestId();
        var first = await client.CancelInterview(requestId, registered.RegistrationId, registered.Version, "Registreret på forkert borger.");
        await StoredBeforeTheUpgradeAsync(
            requestId, RequestFingerprint.OfCancellation(MunicipalityCaller, registered.RegistrationId, registered.Version, "Registreret på forkert borger."));

        // Today the registration is cancelled, so only the replay can answer with a receipt.
        var again = await client.CancelInterview(requestId, registered.RegistrationId, registered.Version, "Registreret på forkert borger.");

        Assert.That((again.RegistrationId, again.Version, again.ReceivedAt), Is.EqualTo((first.RegistrationId, first.Version, first.ReceivedAt)));
    }

    // The caller As.Municipality is to the domain (see Callers).
    private static Caller MunicipalityCaller => new(new AuthorityId(AuthorityKind.Municipality, Callers.MunicipalityCode), null, "cw-4711");

    /// <summary>
    /// Puts the write's fingerprint in form v0, as a release before v1 stored it: the row is otherwise what the write
    /// stored. write_request is append-only, so the trigger is switched off for this one update (in one transaction).
    /// </summary>
    private async Task StoredBeforeTheUpgradeAsync(string requestId, RequestFingerprint fingerprint)
    {
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("alter table write_request disable trigger write_request_append_only", transaction: transaction);
        var updated = await connection.ExecuteAsync(
            "update write_request set fingerprint = @Legacy where request_id = @requestId and fingerprint = @Value",
            new { requestId, fingerprint.Legacy, fingerprint.Value }, transaction);
        await connection.ExecuteAsync("alter table write_request enable trigger write_request_append_only", transaction: transaction);
        await transaction.CommitAsync();
        Assert.That(updated, Is.EqualTo(1), "the write was stored with its v1 fingerprint, now replaced by its v0 one");
    }

    private static string NewRequestId() => "retry-" + Guid.NewGuid().ToString("N");
}
