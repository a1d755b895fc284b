using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using Gateway.Certificates;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline.Identify;

/// <summary>
/// Identify over real TLS: every certificate gets through the handshake, and a refused one is answered with a fault
/// the caller can read. Nothing is read or written for a refused caller.
/// </summary>
[TestFixture]
public sealed class ClientCertificateTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task Certificate_Registered_IsAdmitted() =>
        Assert.That((await _gateway.Client().Ping()).Version, Is.Not.Empty);

    [Test]
    public Task Certificate_None_IsCertificateRequired() => AssertRefusedAsync(null, "Client.Authentication.CertificateRequired");

    [Test]
    public Task Certificate_FromTheTrustedCaButNotRegistered_IsCertificateUnknown() =>
        AssertRefusedAsync(TestPki.IssueClient("Unregistered system"), "Client.Authentication.CertificateUnknown");

    [Test]
    public async Task Certificate_RegisteredButExpired_IsCertificateExpired()
    {
        var expired = TestPki.IssueClient("Expired system", DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
        await _gateway.Certificates.AddCertificateAsync(_gateway.ItSystemId, expired, "tests", CancellationToken.None);
        await AssertRefusedAsync(expired, "Client.Authentication.CertificateExpired");
    }

    [Test]
    public async Task Certificate_RegisteredFromAnotherCa_IsCertificateUntrusted()
    {
        using var stranger = Gateway.Certificates.DevelopmentCertificateAuthority.Create("Some other CA");
        var certificate = stranger.IssueClient("Stranger");
        await _gateway.Certificates.AddCertificateAsync(_gateway.ItSystemId, certificate, "tests", CancellationToken.None);
        await AssertRefusedAsync(certificate, "Client.Authentication.CertificateUntrusted");
    }

    [Test]
    public async Task RevokedCertificate_IsCertificateRevoked_AlsoForTheWcfClient()
    {
        var certificate = TestPki.IssueClient("Revoked system");
        await _gateway.Certificates.AddCertificateAsync(_gateway.ItSystemId, certificate, "tests", CancellationToken.None);
        Assert.That((await _gateway.ClientWith(certificate, () => Callers.ContextOf(As.Municipality)).Ping()).Version, Is.Not.Empty);

        await _gateway.ChangeAccessAsync(() => _gateway.Certificates.RevokeCertificateAsync(CertificateThumbprint.Of(certificate), "tests", "key lost", CancellationToken.None));

        await AssertRefusedAsync(certificate, "Client.Authentication.CertificateRevoked");
        var fault = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => _gateway.ClientWith(certificate, () => Callers.ContextOf(As.Municipality)).Ping())!;
        Assert.That(fault.Detail.Code, Is.EqualTo("Client.Authentication.CertificateRevoked"));
    }

    [Test]
    public async Task AnotherSystemsCertificate_WithAValidAgreementId_IsAnsweredAsIfTheAgreementDidNotExist()
    {
        var other = await _gateway.ItSystems.AddItSystemAsync("Another vendor's system", "24256790", "tests", CancellationToken.None);
        var certificate = TestPki.IssueClient("Another vendor's system");
        await _gateway.Certificates.AddCertificateAsync(other, certificate, "tests", CancellationToken.None);

        await AssertRefusedAsync(certificate, "Client.AccessDenied.AgreementNotFound");
    }

    private async Task AssertRefusedAsync(X509Certificate2? certificate, string code)
    {
        var before = await _gateway.CountAsync("registration");
        using var http = _gateway.CreateHttp(certificate);
        var body = await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", "RegisterInterview.xml"));
        using var response = await http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));
        var fault = await SoapRequests.ReadFaultAsync(response);
        Assert.Multiple(async () =>
        {
            Assert.That(fault.Status, Is.EqualTo(500));
            Assert.That(fault.Code, Is.EqualTo(code));
            Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
        });
    }
}
