using System.Security.Cryptography.X509Certificates;
using Gateway.Domain.Agreements;

namespace Gateway.RegistrationTool.Hosting;

/// <summary>
/// What the gateway hands the tool's listener: its server certificate, the one chain policy client certificates are
/// checked with (trusting only the gateway's CA bundle, never downloading), and the environment it serves.
/// </summary>
public sealed record ToolListener(X509Certificate2 ServerCertificate, Func<X509ChainPolicy> ChainPolicy, GatewayEnvironment Environment)
{
    /// <summary>Whether <paramref name="certificate"/> chains to the bundle, for client authentication.</summary>
    public bool Trusts(X509Certificate2 certificate)
    {
        using var chain = new X509Chain { ChainPolicy = ChainPolicy() };
        try
        {
            return chain.Build(certificate);
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }
}
