using System.Security.Cryptography.X509Certificates;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// What a browser started by <see cref="HeadlessChromium.Start(ClientIdentity)"/> is: the client certificate it presents
/// (with its private key) and the certificate authorities whose server certificates it trusts.
/// </summary>
public sealed record ClientIdentity(X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> TrustedAuthorities)
{
    /// <summary>A client certificate issued by the test CA, trusting that CA (which also issued the test server's certificate).</summary>
    public static ClientIdentity FromTestPki(X509Certificate2 certificate) => new(certificate, [TestPki.Ca.Certificate]);
}
