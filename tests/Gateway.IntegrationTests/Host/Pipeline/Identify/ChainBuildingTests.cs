using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline.Identify;

/// <summary>
/// Building a client certificate's chain never reaches the network, in the TLS handshake or in the identify stage: a
/// certificate whose AIA and CRL URLs name a server that never answers is refused at once, and that server is never
/// contacted. (A default X509 chain policy downloads the missing issuer and waits for it.)
/// </summary>
[TestFixture]
public sealed class ChainBuildingTests
{
    private TestGateway _gateway = null!;
    private SilentEndpoint _silent = null!;

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _silent = new SilentEndpoint();
        _gateway = await TestGateway.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopGateway()
    {
        await _gateway.DisposeAsync();
        _silent.Dispose();
    }

    [Test]
    public async Task CertificateUnderAnIntermediateMissingFromTheBundle_IsUntrusted_WithoutFetchingIt()
    {
        using var certificate = HostileCertificates.UnderMissingIntermediate(TestPki.Ca.Certificate, _silent.Url);
        await AssertRefusedWithoutFetchingAsync(certificate);
    }

    [Test]
    public async Task CertificateFromAStrangerWithUrls_IsUntrusted_WithoutFetchingAnything()
    {
        using var certificate = HostileCertificates.FromStranger(_silent.Url);
        await AssertRefusedWithoutFetchingAsync(certificate);
    }

    [Test]
    public async Task CertificateUnderAMissingIntermediate_IsRefusedAsOftenAsItIsSent_WithoutFetching()
    {
        // A refusal is remembered per certificate; new certificates each get a chain built, and none fetches.
        for (var i = 0; i < 5; i++)
        {
            using var certificate = HostileCertificates.UnderMissingIntermediate(TestPki.Ca.Certificate, _silent.Url);
            await AssertRefusedWithoutFetchingAsync(certificate);
        }
    }

    private async Task AssertRefusedWithoutFetchingAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        using var http = _gateway.CreateHttp(certificate);
        // The bound only keeps a broken gateway from hanging the run: the assertion is that nothing was fetched.
        http.Timeout = TimeSpan.FromSeconds(60);
        var body = await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", "Ping.xml"));
        using var response = await http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));
        var fault = await SoapRequests.ReadFaultAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(fault.Code, Is.EqualTo("Client.Authentication.CertificateUntrusted"));
            Assert.That(_silent.Connections, Is.Zero, "the chain builder contacted the certificate's AIA or CRL address");
        });
    }
}
