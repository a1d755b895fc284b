using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// An NSS certificate database as Chromium on Linux reads it ($HOME/.pki/nssdb), made with Debian's NSS tools
/// (libnss3-tools: certutil and pk12util; .ci/run installs them): one client certificate with its key, and trusted CAs.
/// </summary>
public static class NssDatabase
{
    private const string Certutil = "certutil";
    private const string Pk12util = "pk12util";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static void Create(string folder, ClientIdentity identity)
    {
        RequireTools();
        if (!identity.Certificate.HasPrivateKey)
        {
            throw new ArgumentException("The client certificate has no private key: the browser could not sign with it.", nameof(identity));
        }

        Directory.CreateDirectory(folder);
        var database = "sql:" + folder;
        BoundedProcess.Run(Certutil, ["-N", "--empty-password", "-d", database], Bound);

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var pkcs12 = Path.Combine(folder, "client.p12");
        File.WriteAllBytes(pkcs12, identity.Certificate.Export(X509ContentType.Pkcs12, password));
        try
        {
            // The database has no password (-K stays empty); -W is the PKCS#12 file's.
            BoundedProcess.Run(Pk12util, ["-i", pkcs12, "-d", database, "-W", password, "-K", ""], Bound);
        }
        finally
        {
            File.Delete(pkcs12);
        }

        var index = 0;
        foreach (var authority in identity.TrustedAuthorities)
        {
            var pem = Path.Combine(folder, $"ca-{index}.pem");
            File.WriteAllText(pem, authority.ExportCertificatePem());
            // C,, : a CA trusted to issue server certificates (TLS), not mail or code signing ones.
            BoundedProcess.Run(Certutil, ["-A", "-n", $"ca-{index}", "-t", "C,,", "-i", pem, "-d", database], Bound);
            File.Delete(pem);
            index++;
        }
    }

    private static void RequireTools()
    {
        foreach (var tool in new[] { Certutil, Pk12util })
        {
            var found = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin")
                .Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Any(folder => File.Exists(Path.Combine(folder, tool)));
            if (!found)
            {
                Assert.Fail($"This test gives the browser a client certificate through an NSS database, which needs {tool}: install Debian's libnss3-tools (apt-get install libnss3-tools); .ci/run does.");
            }
        }
    }
}
