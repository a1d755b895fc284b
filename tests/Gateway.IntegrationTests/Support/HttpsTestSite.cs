using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// A bare Kestrel HTTPS site on 127.0.0.1 with the test server certificate for "localhost", which refuses every TLS
/// connection without a client certificate from the test CA: what a browser test with a client certificate is pointed at.
/// </summary>
public sealed class HttpsTestSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsTestSite(WebApplication app) => _app = app;

    /// <summary>https://localhost:PORT/, the name the server certificate is for.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the site; <paramref name="map"/> adds its endpoints.</summary>
    public static async Task<HttpsTestSite> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var serverCertificate = X509CertificateLoader.LoadPkcs12FromFile(TestPki.ServerPfx, TestPki.Password);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => ChainsToTestCa(certificate);
        })));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new HttpsTestSite(app) { BaseAddress = new Uri($"https://localhost:{bound.Port}/") };
    }

    /// <summary>The TLS client certificate of the request, which the site has already required and checked.</summary>
    public static X509Certificate2 ClientCertificate(HttpContext context) =>
        context.Connection.ClientCertificate ?? throw new InvalidOperationException("The site requires a client certificate.");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool ChainsToTestCa(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(TestPki.Ca.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
