using System.Security.Cryptography.X509Certificates;
using Gateway.Domain.Agreements;

namespace Gateway.RegistrationTool.Hosting;

/// <summary>
/// What the gateway hands the tool's listener: its server certificate, the one chain policy client certificates are
/// checked with in the handshake (trusting only the gateway's CA bundle, never downloading), the gateway's own check of a
/// client certificate's chain (the identify stage's, with its cache), and the environment it serves.
/// </summary>
/// <param name="ServerCertificate">The gateway's server certificate.</param>
/// <param name="ChainPolicy">A fresh chain policy of the trust bundle, for the TLS handshake.</param>
/// <param name="Trusts">Whether a client certificate chains to the bundle and may authenticate a client.</param>
/// <param name="Environment">The environment the gateway serves.</param>
public sealed record ToolListener(
    X509Certificate2 ServerCertificate, Func<X509ChainPolicy> ChainPolicy, Func<X509Certificate2, bool> Trusts, GatewayEnvironment Environment);
