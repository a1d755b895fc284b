using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Certificates;

/// <summary>
/// A certificate authority for test environments and the sandbox: it issues server certificates for the gateway and
/// client certificates for IT systems. Never for production, where certificates come from a real CA.
/// </summary>
public sealed class DevelopmentCertificateAuthority : IDisposable
{
    private DevelopmentCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Creates a new CA valid for <paramref name="years"/> years from <paramref name="notBefore"/> (default: now).</summary>
    public static DevelopmentCertificateAuthority Create(string name, int years = 10, DateTimeOffset? notBefore = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var start = notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5);
        return new DevelopmentCertificateAuthority(request.CreateSelfSigned(start, start.AddYears(years)));
    }

    /// <summary>Loads a CA saved with <see cref="CertificateFiles.SavePfx"/>.</summary>
    public static DevelopmentCertificateAuthority Load(string pfxPath, string password) =>
        new(CertificateFiles.LoadPfx(pfxPath, password));

    /// <summary>A TLS server certificate for the given DNS names and IP addresses.</summary>
    public X509Certificate2 IssueServer(IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, int days = 825)
    {
        var names = new SubjectAlternativeNameBuilder();
        var dns = dnsNames.ToList();
        dns.ForEach(names.AddDnsName);
        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        return Issue($"CN={dns.FirstOrDefault() ?? "gateway"}", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment,
            "1.3.6.1.5.5.7.3.1", names.Build(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(days));
    }

    /// <summary>A TLS client certificate for an IT system, valid between <paramref name="notBefore"/> and <paramref name="notAfter"/> (default: now, two years).</summary>
    public X509Certificate2 IssueClient(string commonName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue($"CN={commonName}", X509KeyUsageFlags.DigitalSignature, "1.3.6.1.5.5.7.3.2", null,
            notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5), notAfter ?? DateTimeOffset.UtcNow.AddYears(2));

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(string subject, X509KeyUsageFlags usage, string extendedUsage, X509Extension? alternativeNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        // A certificate cannot outlive its issuer.
        var end = notAfter < Certificate.NotAfter ? notAfter : new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, notBefore, end, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
