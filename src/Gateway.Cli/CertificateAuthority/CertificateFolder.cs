using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Cli.Output;

namespace Gateway.Cli.CertificateAuthority;

/// <summary>How the development CA's certificates are laid out in a folder: NAME.pfx (+ NAME.pfx.password), NAME.pem, NAME.key.pem.</summary>
public static class CertificateFolder
{
    /// <summary>The CA's file name stem.</summary>
    public const string Ca = "ca";

    // The sandbox (Gateway.Host's SandboxCertificates) keeps one password for all its PFX files.
    private const string SandboxPasswordFile = "pfx.password";

    /// <summary>
    /// Writes <paramref name="certificate"/> as <c>NAME.pfx</c> with a random password in <c>NAME.pfx.password</c>, as
    /// <c>NAME.pem</c>, and, with <paramref name="withKeyPem"/>, its private key as <c>NAME.key.pem</c>.
    /// </summary>
    public static IssuedCertificate Write(X509Certificate2 certificate, string folder, string name, bool withKeyPem)
    {
        Directory.CreateDirectory(folder);
        var pfx = Path.GetFullPath(Path.Combine(folder, name + ".pfx"));
        var pem = Path.GetFullPath(Path.Combine(folder, name + ".pem"));
        CertificateFiles.SavePfx(certificate, pfx, PasswordFile.Create(pfx));
        CertificateFiles.SavePem(certificate, pem);
        List<string> files = [pfx, PasswordFile.PathFor(pfx), pem];
        if (withKeyPem)
        {
            var key = Path.GetFullPath(Path.Combine(folder, name + ".key.pem"));
            CertificateFiles.SavePrivateKeyPem(certificate, key);
            files.Add(key);
        }

        return new IssuedCertificate(certificate.Subject, CertificateThumbprint.Of(certificate),
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), files);
    }

    /// <summary>
    /// The CA in <paramref name="folder"/>, or null after telling <paramref name="output"/> what is wrong (a usage error).
    /// Its password is in <c>ca.pfx.password</c>, as <c>gatewayctl ca create</c> writes it, or, in a sandbox's folder, in the
    /// one <c>pfx.password</c> its PFX files share.
    /// </summary>
    public static DevelopmentCertificateAuthority? LoadCa(string folder, CommandOutput output)
    {
        var pfx = Path.Combine(folder, Ca + ".pfx");
        var passwordFile = new[] { PasswordFile.PathFor(pfx), Path.Combine(folder, SandboxPasswordFile) }.FirstOrDefault(File.Exists);
        if (!File.Exists(pfx) || passwordFile is null)
        {
            output.Usage($"No CA in {folder} (it needs {Ca}.pfx and {Ca}.pfx.password, or a sandbox's {SandboxPasswordFile}); create one with `gatewayctl ca create --out {folder}`.");
            return null;
        }

        try
        {
            return DevelopmentCertificateAuthority.Load(pfx, File.ReadAllText(passwordFile).Trim());
        }
        catch (CryptographicException ex)
        {
            output.Usage($"Cannot read the CA in {folder}: {ex.Message}. Check that {Path.GetFileName(passwordFile)} belongs to {Ca}.pfx, or create a new CA.");
            return null;
        }
    }
}
