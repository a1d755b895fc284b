using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline.Identify;

/// <summary>Behind a TLS-terminating proxy, a forwarded client certificate counts only from the configured proxy addresses.</summary>
[TestFixture]
public sealed class ForwardedCertificateTests
{
    private const string Header = "X-Client-Certificate";

    [Test]
    public async Task ForwardedCertificate_FromAConfiguredProxy_IsTheCallersCertificate()
    {
        await using var gateway = await TestGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Tls:ForwardedCertificate:KnownProxies:0"] = "127.0.0.1",
        });
        Assert.That(await PingAsync(gateway), Does.Contain("PingResponse"));
    }

    [Test]
    public async Task ForwardedCertificate_FromAnAddressNotConfigured_IsIgnored()
    {
        await using var gateway = await TestGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Tls:ForwardedCertificate:KnownProxies:0"] = "10.1.2.3",
        });
        Assert.That(await PingAsync(gateway), Does.Contain("<Code>Client.Authentication.CertificateRequired</Code>"));
    }

    [Test]
    public async Task ForwardedCertificate_HeaderSentTwice_IsRefusedWhateverTheOrder()
    {
        // A proxy that appends its header to the caller's would put the caller's copy of a public certificate first.
        await using var gateway = await TestGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Tls:ForwardedCertificate:KnownProxies:0"] = "127.0.0.1",
        });
        using var http = gateway.CreateHttp(certificate: null);
        var request = SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11("<Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/>"));
        var pem = Uri.EscapeDataString(TestGateway.ClientCertificate.ExportCertificatePem());
        request.Headers.Add(Header, [pem, pem]);
        using var response = await http.SendAsync(request);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<Code>Client.Authentication.CertificateRequired</Code>"));
    }

    // No certificate on the connection itself: only the header carries one, as nginx's $ssl_client_escaped_cert does.
    private static async Task<string> PingAsync(TestGateway gateway)
    {
        using var http = gateway.CreateHttp(certificate: null);
        var request = SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11("<Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/>"));
        request.Headers.Add(Header, Uri.EscapeDataString(TestGateway.ClientCertificate.ExportCertificatePem()));
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
