using Gateway.Certificates;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;
using Gateway.Host.Hosting;
using Gateway.Host.Sandbox;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Access;

/// <summary>
/// Who may call: HTTPS with client certificates, the trust bundle, the cached view of certificates and agreements
/// with its change listener, usage counting and agreement expiry. Without a connection string, the sandbox supplies
/// the certificates and the environment is Test.
/// </summary>
internal static class AccessSetup
{
    public static WebApplicationBuilder AddGatewayAccess(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var tls = configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        CheckSettings(configuration, tls);
        var embedded = string.IsNullOrWhiteSpace(configuration[GatewayDatabase.ConnectionStringKey]);
        if (embedded)
        {
            var data = configuration.GetSection($"{GatewayOptions.Section}:EmbeddedDatabase").Get<EmbeddedDatabaseOptions>() ?? new EmbeddedDatabaseOptions();
            var sandbox = SandboxCertificates.Ensure(Path.Combine(data.ResolvedDataDirectory, "sandbox"));
            services.AddSingleton(sandbox);
            services.AddSingleton<SandboxProvisioner>();
            tls.ServerCertificatePath ??= sandbox.ServerPfx;
            tls.ServerCertificatePassword ??= sandbox.Password;
            tls.ClientCaBundlePath ??= sandbox.CaPem;
            services.PostConfigure<GatewayOptions>(o => o.Environment ??= GatewayEnvironment.Test);
        }

        services.AddSingleton(Options.Create(tls));
        var trustBundle = new TrustBundle(LoadTrustBundle(tls));
        services.AddSingleton(trustBundle);
        if (tls.ServerCertificatePath is { } serverPfx)
        {
            var serverCertificate = LoadServerCertificate(serverPfx, tls.ServerCertificatePassword);
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

        if (string.IsNullOrEmpty(configuration["urls"]))
        {
            // Only when neither --urls, Urls nor ASPNETCORE_URLS says otherwise. Plain HTTP only behind a TLS-terminating proxy.
            builder.WebHost.UseUrls(tls.ServerCertificatePath is null ? "http://localhost:5080" : "https://localhost:5443");
        }

        services.AddSingleton<AccessStore>();
        services.AddSingleton<CachedAccessStore>();
        services.AddSingleton<IAccessStore>(sp => sp.GetRequiredService<CachedAccessStore>());
        services.AddHostedService<AccessChangeListener>();
        services.AddSingleton<ClientCertificates>();
        services.AddSingleton<AdministrationStore>();
        services.AddHostedService<AgreementExpiry>();
        services.AddSingleton<UsageCounter>();
        services.AddSingleton<UsageStore>();
        services.AddSingleton<UsageFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageFlusher>());
        return builder;
    }

    // Settings whose mistakes would otherwise surface as a stack trace, or only at the first call.
    private static void CheckSettings(ConfigurationManager configuration, TlsOptions tls)
    {
        if (configuration[$"{GatewayOptions.Section}:Environment"] is { Length: > 0 } environment && !Enum.TryParse<GatewayEnvironment>(environment, ignoreCase: false, out _))
        {
            throw new GatewayConfigurationException($"Gateway:Environment is '{environment}'; it must be Test or Production.");
        }

        foreach (var proxy in tls.ForwardedCertificate.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            throw new GatewayConfigurationException($"Gateway:Tls:ForwardedCertificate:KnownProxies holds '{proxy}', which is not an IP address.");
        }
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
