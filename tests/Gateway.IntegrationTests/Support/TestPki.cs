using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;

namespace Gateway.IntegrationTests.Support;

/// <summary>The run's certificates: a development CA, the gateway's server certificate, and client certificates issued on demand.</summary>
public static class TestPki
{
    private static DevelopmentCertificateAuthority? _ca;
    private static string? _folder;

    public static DevelopmentCertificateAuthority Ca => _ca ?? throw new InvalidOperationException("TestPki.Create has not run.");

    public static string CaPem => Path.Combine(_folder!, "ca.pem");

    public static string ServerPfx => Path.Combine(_folder!, "server.pfx");

    public const string Password = "test-only";

    public static void Create()
    {
        _folder = Path.Combine(Path.GetTempPath(), "gateway-pki-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        // Dated back, so that tests can have it issue certificates that have already expired.
        _ca = DevelopmentCertificateAuthority.Create("ContactCourse test CA", notBefore: DateTimeOffset.UtcNow.AddYears(-5));
        CertificateFiles.SavePem(_ca.Certificate, CaPem);
        using var server = _ca.IssueServer(["localhost"], [IPAddress.Loopback]);
        CertificateFiles.SavePfx(server, ServerPfx, Password);
    }

    public static void Delete()
    {
        _ca?.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A client certificate from the test CA.</summary>
    public static X509Certificate2 IssueClient(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Ca.IssueClient(name, notBefore, notAfter);

    /// <summary>Whether a server certificate chains to the test CA: what test clients trust instead of the machine's store.</summary>
    public static bool TrustsServer(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
