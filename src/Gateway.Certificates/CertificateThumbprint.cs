using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Certificates;

/// <summary>How a certificate is named wherever the gateway registers, looks up or prints it.</summary>
public static class CertificateThumbprint
{
    /// <summary>The SHA-256 thumbprint, upper-case hex: the key under which a client certificate is registered and looked up.</summary>
    public static string Of(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
