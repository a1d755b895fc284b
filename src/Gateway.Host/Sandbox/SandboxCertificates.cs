using System.Net;
using System.Security.Cryptography;
using Gateway.Certificates;

namespace Gateway.Host.Sandbox;

/// <summary>
/// The sandbox's certificates in <c>{data folder}/sandbox</c>: a development CA, a server certificate for localhost and
/// 127.0.0.1, a client certificate for the sandbox IT system (PFX, and PEM for curl), and a case worker's personal
/// certificate for the registration tool (PFX, which a browser imports). Made once, kept across runs; a folder made before
/// the tool existed gets its case-worker certificate from the same CA.
/// </summary>
public sealed record SandboxCertificates(string Folder)
{
    public string CaPem => Path.Combine(Folder, "ca.pem");

    public string CaPfx => Path.Combine(Folder, "ca.pfx");

    public string ServerPfx => Path.Combine(Folder, "server.pfx");

    public string ClientPfx => Path.Combine(Folder, "client.pfx");

    public string ClientPem => Path.Combine(Folder, "client.pem");

    public string ClientKeyPem => Path.Combine(Folder, "client.key.pem");

    /// <summary>The sandbox case worker's personal certificate, for signing in to the registration tool: import it into a browser.</summary>
    public string CaseWorkerPfx => Path.Combine(Folder, "caseworker.pfx");

    public string CaseWorkerPem => Path.Combine(Folder, "caseworker.pem");

    public string CaseWorkerKeyPem => Path.Combine(Folder, "caseworker.key.pem");

    public string DescriptionFile => Path.Combine(Folder, "sandbox.json");

    /// <summary>The password of the PFX files (they are readable by their owner only; this is a test environment).</summary>
    public string Password => File.ReadAllText(Path.Combine(Folder, "pfx.password")).Trim();

    /// <summary>Makes whatever is missing.</summary>
    public static SandboxCertificates Ensure(string folder)
    {
        var files = new SandboxCertificates(folder);
        Directory.CreateDirectory(folder);
        var passwordFile = Path.Combine(folder, "pfx.password");
        if (!File.Exists(passwordFile))
        {
            File.WriteAllText(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var password = files.Password;
        if (!(File.Exists(files.CaPfx) && File.Exists(files.ServerPfx) && File.Exists(files.ClientPfx)))
        {
            using var ca = DevelopmentCertificateAuthority.Create("ContactCourse sandbox CA");
            CertificateFiles.SavePfx(ca.Certificate, files.CaPfx, password);
            CertificateFiles.SavePem(ca.Certificate, files.CaPem);
            using (var server = ca.IssueServer(["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback]))
            {
                CertificateFiles.SavePfx(server, files.ServerPfx, password);
            }

            using var client = ca.IssueClient(SandboxIdentity.ItSystemName);
            CertificateFiles.SavePfx(client, files.ClientPfx, password);
            CertificateFiles.SavePem(client, files.ClientPem);
            CertificateFiles.SavePrivateKeyPem(client, files.ClientKeyPem);
            File.Delete(files.CaseWorkerPfx);
        }

        if (!File.Exists(files.CaseWorkerPfx))
        {
            using var ca = DevelopmentCertificateAuthority.Load(files.CaPfx, password);
            using var caseWorker = ca.IssueClient(SandboxIdentity.CaseWorkerName);
            CertificateFiles.SavePfx(caseWorker, files.CaseWorkerPfx, password);
            CertificateFiles.SavePem(caseWorker, files.CaseWorkerPem);
            CertificateFiles.SavePrivateKeyPem(caseWorker, files.CaseWorkerKeyPem);
        }

        return files;
    }
}
