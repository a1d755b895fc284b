using System.Security.Cryptography.X509Certificates;

namespace Gateway.Certificates;

/// <summary>Reading and writing certificates as PEM, DER and PFX files.</summary>
public static class CertificateFiles
{
    /// <summary>Reads a certificate (public part) from a PEM or DER file.</summary>
    public static X509Certificate2 LoadCertificate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return X509CertificateLoader.LoadCertificate(LooksLikePem(bytes) ? PemToDer(File.ReadAllText(path)) : bytes);
    }

    /// <summary>Reads every certificate of a PEM bundle (for example a trust bundle of CA certificates).</summary>
    public static X509Certificate2Collection LoadBundle(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        return collection;
    }

    /// <summary>Reads a certificate with its private key from a PFX file.</summary>
    public static X509Certificate2 LoadPfx(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);

    /// <summary>Writes the certificate with its private key as PFX; the file is readable by its owner only.</summary>
    public static void SavePfx(X509Certificate2 certificate, string path, string password) =>
        WritePrivate(path, certificate.Export(X509ContentType.Pfx, password));

    /// <summary>Writes the certificate as PEM.</summary>
    public static void SavePem(X509Certificate2 certificate, string path) =>
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");

    /// <summary>Writes the private key as unencrypted PKCS#8 PEM, readable by its owner only (for curl and OpenSSL tools).</summary>
    public static void SavePrivateKeyPem(X509Certificate2 certificate, string path)
    {
        using var key = certificate.GetECDsaPrivateKey() as System.Security.Cryptography.AsymmetricAlgorithm ?? certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("The certificate has no private key.", nameof(certificate));
        WritePrivate(path, System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n"));
    }

    private static void WritePrivate(string path, byte[] content)
    {
        File.WriteAllBytes(path, []);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllBytes(path, content);
    }

    private static bool LooksLikePem(byte[] bytes) =>
        System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 64)).Contains("-----BEGIN", StringComparison.Ordinal);

    private static byte[] PemToDer(string pem)
    {
        var fields = System.Security.Cryptography.PemEncoding.Find(pem);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }
}
