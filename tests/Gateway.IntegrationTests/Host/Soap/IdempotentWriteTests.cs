using System.ServiceModel;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>
/// Retrying a write is safe (domain.md § 5): the same request id with the same content returns the first receipt and
/// stores nothing; with other content it is refused; concurrent duplicates store exactly one registration.
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
    public async Task SameRequestIdSameContent_SecondCallReturnsTheFirstReceiptAndStoresNothing()
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
    public async Task SameRequestIdOtherContent_IsRequestIdReusedAndStoresNothing()
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
    public async Task SameRequestIdUnderAnotherAgreement_IsAnotherWrite()
    {
        var requestId = NewRequestId();
        var cpr = TestCitizens.Next();
        var mine = await _gateway.Client(As.Municipality).RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));
        var theirs = await _gateway.Client(As.OtherActor).RegisterInterview(requestId, SampleRegistrations.Minimal(cpr));

        Assert.That(theirs.RegistrationId, Is.Not.EqualTo(mine.RegistrationId));
    }

    [Test]
    public async Task ConcurrentDuplicates_StoreExactlyOneRegistrationAndAllGetTheSameReceipt()
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

    private static string NewRequestId() => "retry-" + Guid.NewGuid().ToString("N");
}
