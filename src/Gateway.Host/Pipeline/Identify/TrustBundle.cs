using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Host.Pipeline.Identify;

/// <summary>
/// The CA certificates that client certificates must chain to, and the one way a client certificate's chain is built:
/// in the TLS handshake and again in the identify stage.
/// </summary>
/// <remarks>
/// The default chain policy follows a certificate's AIA (caIssuers) and CRL distribution-point URLs over HTTP. For a
/// stranger's certificate that is a request to an address of the stranger's choosing, made before anyone is
/// authenticated. Here nothing is ever downloaded: an issuer missing from the bundle is a chain that does not build,
/// and revocation is the operators' register of certificates (<c>gatewayctl certificates revoke</c>), not CRLs or OCSP.
/// </remarks>
internal sealed class TrustBundle(X509Certificate2Collection certificates)
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>The CA certificates, as trust anchors.</summary>
    public X509Certificate2Collection Certificates { get; } = certificates;

    /// <summary>A fresh chain policy that trusts only the bundle and never goes to the network.</summary>
    public X509ChainPolicy ChainPolicy()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            DisableCertificateDownloads = true,
            RevocationMode = X509RevocationMode.NoCheck,
            // Validity dates get their own fault (Client.Authentication.CertificateExpired).
            VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid,
        };
        policy.CustomTrustStore.AddRange(Certificates);
        policy.ApplicationPolicy.Add(new Oid(ClientAuthentication));
        return policy;
    }
}
