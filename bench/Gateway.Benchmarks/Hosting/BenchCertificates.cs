using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;

namespace Gateway.Benchmarks.Hosting;

/// <summary>
/// The run's certificates, in the run's temporary folder: a development CA, a server certificate for 127.0.0.1 used by
/// every HTTPS listener, and the client certificate the load client presents.
/// </summary>
internal sealed class BenchCertificates : IDisposable
{
    public const string Password = "bench-only";

    private BenchCertificates(string folder, DevelopmentCertificateAuthority ca, X509Certificate2 server, X509Certificate2 client)
    {
        Folder = folder;
        Ca = ca;
        Server = server;
        Client = client;
    }

    public string Folder { get; }

    public DevelopmentCertificateAuthority Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public string CaPem => Path.Combine(Folder, "ca.pem");

    public string ServerPfx => Path.Combine(Folder, "server.pfx");

    public static BenchCertificates Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var ca = DevelopmentCertificateAuthority.Create("ContactCourse benchmark CA");
        var server = ca.IssueServer(["localhost"], [IPAddress.Loopback]);
        var client = ca.IssueClient("Benchmark case system");
        var certificates = new BenchCertificates(folder, ca, server, client);
        CertificateFiles.SavePem(ca.Certificate, certificates.CaPem);
        CertificateFiles.SavePfx(server, certificates.ServerPfx, Password);
        return certificates;
    }

    /// <summary>Whether a server certificate chains to the run's CA: what the load client trusts.</summary>
    public bool TrustsServer(X509Certificate2? certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return certificate is not null && chain.Build(certificate);
    }

    public void Dispose()
    {
        Server.Dispose();
        Client.Dispose();
        Ca.Dispose();
    }
}
