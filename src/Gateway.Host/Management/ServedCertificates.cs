using System.Security.Cryptography.X509Certificates;

namespace Gateway.Host.Management;

/// <summary>The certificates the gateway serves with and trusts, as loaded at start-up, for the expiry check.</summary>
/// <param name="Server">The server certificate; null when a TLS-terminating proxy serves it.</param>
/// <param name="TrustedCas">The CA certificates of the trust bundle.</param>
internal sealed record ServedCertificates(X509Certificate2? Server, X509Certificate2Collection TrustedCas);
