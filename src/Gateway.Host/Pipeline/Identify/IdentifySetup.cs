using Gateway.Certificates;
using Gateway.Host.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gateway.Host.Pipeline.Identify;

/// <summary>
/// The identify stage's family: HTTPS with client certificates (Kestrel), the trust bundle with its one chain policy,
/// and the finding of a request's certificate. Without a server certificate the gateway serves plain HTTP, which is
/// right only behind a TLS-terminating proxy that forwards the certificate.
/// </summary>
internal static class IdentifySetup
{
    public static WebApplicationBuilder AddGatewayIdentify(this WebApplicationBuilder builder, TlsOptions tls)
    {
        foreach (var proxy in tls.ForwardedCertificate.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            throw new GatewayConfigurationException($"Gateway:Tls:ForwardedCertificate:KnownProxies holds '{proxy}', which is not an IP address.");
        }

        var services = builder.Services;
        var trustBundle = new TrustBundle(LoadTrustBundle(tls));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(tls));
        services.AddSingleton(trustBundle);
        services.AddSingleton<ClientCertificates>();
        services.AddSingleton<CallerIdentity>();
        var serverCertificate = tls.ServerCertificatePath is { } serverPfx ? LoadServerCertificate(serverPfx, tls.ServerCertificatePassword) : null;
        services.AddSingleton(new Management.ServedCertificates(serverCertificate, LoadTrustBundle(tls)));
        if (serverCertificate is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = serverCertificate;
                // Any certificate gets through the handshake; the identify stage refuses with a fault the caller can read.
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.ClientCertificateValidation = static (_, _, _) => true;
                // The handshake builds the chain too, before that callback: with the same policy, it never downloads.
                https.OnAuthenticate = (_, ssl) => ssl.CertificateChainPolicy = trustBundle.ChainPolicy();
            }));
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            // Only when neither --urls, Urls nor ASPNETCORE_URLS says otherwise. Plain HTTP only behind a TLS-terminating proxy.
            builder.WebHost.UseUrls(tls.ServerCertificatePath is null ? "http://localhost:5080" : "https://localhost:5443");
        }

        return builder;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadServerCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new GatewayConfigurationException($"Gateway:Tls:ServerCertificatePath names {path}, which does not exist.");
        }

        try
        {
            var certificate = CertificateFiles.LoadPfx(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new GatewayConfigurationException($"Gateway:Tls:ServerCertificatePath names {path}, which holds no private key.");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new GatewayConfigurationException(
                $"Gateway:Tls:ServerCertificatePath names {path}, which cannot be opened with Gateway:Tls:ServerCertificatePassword (wrong password, or not a PFX file).");
        }
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2Collection LoadTrustBundle(TlsOptions tls)
    {
        if (tls.ClientCaBundlePath is not { } path)
        {
            throw new GatewayConfigurationException(
                "Gateway:Tls:ClientCaBundlePath is not set: name a PEM file with the CA certificates that client certificates are issued by.");
        }

        var bundle = File.Exists(path) ? CertificateFiles.LoadBundle(path) : [];
        return bundle.Count > 0
            ? bundle
            : throw new GatewayConfigurationException($"Gateway:Tls:ClientCaBundlePath names {path}, which holds no PEM certificate.");
    }
}
