using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.IntegrationTests.Support;

/// <summary>Client certificates whose chains a default X509 policy would complete or check over the network.</summary>
public static class HostileCertificates
{
    /// <summary>
    /// A client certificate issued by an intermediate CA under <paramref name="root"/> that the gateway was never given,
    /// with AIA (caIssuers, OCSP) and CRL URLs under <paramref name="fetchFrom"/>: a default chain builder downloads the
    /// intermediate to finish the chain.
    /// </summary>
    public static X509Certificate2 UnderMissingIntermediate(X509Certificate2 root, Func<string, Uri> fetchFrom)
    {
        using var intermediate = IssueCa("Intermediate nobody gave the gateway", root);
        return IssueClient("Under a missing intermediate", intermediate, fetchFrom);
    }

    /// <summary>A client certificate from a CA nobody trusts, with AIA and CRL URLs under <paramref name="fetchFrom"/>.</summary>
    public static X509Certificate2 FromStranger(Func<string, Uri> fetchFrom)
    {
        using var stranger = IssueCa("Stranger CA", issuer: null);
        return IssueClient("Stranger with URLs", stranger, fetchFrom);
    }

    private static X509Certificate2 IssueCa(string name, X509Certificate2? issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        if (issuer is null)
        {
            return request.CreateSelfSigned(start, start.AddYears(1));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(issuer, start, start.AddYears(1), Serial());
        return issued.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 IssueClient(string name, X509Certificate2 issuer, Func<string, Uri> fetchFrom)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(
            [fetchFrom("ocsp").ToString()], [fetchFrom("issuer.cer").ToString()]));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([fetchFrom("crl.crl").ToString()]));
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var issued = request.Create(issuer, start, start.AddMonths(6), Serial());
        return issued.CopyWithPrivateKey(key);
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        return serial;
    }
}
