using System.Security.Cryptography.X509Certificates;

namespace Gateway.Host.Access;

/// <summary>The CA certificates that client certificates must chain to.</summary>
internal sealed record TrustBundle(X509Certificate2Collection Certificates);
