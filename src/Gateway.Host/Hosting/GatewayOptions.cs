using Gateway.Domain.Agreements;

namespace Gateway.Host.Hosting;

/// <summary>The gateway's settings (configuration section <c>Gateway</c>), bound and checked once at start-up.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>The path of the ContactCourse service. Fixed: it is part of the published contract.</summary>
    public const string ServicePath = "/soap/v1/ContactCourse";

    /// <summary>
    /// Which environment this gateway is: only agreements for it admit calls. Required when
    /// <c>ConnectionStrings:Gateway</c> is set, so that a Test agreement can never reach real data by default;
    /// the embedded sandbox is <c>Test</c>.
    /// </summary>
    public GatewayEnvironment? Environment { get; set; }

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB; a registration is a few kilobytes.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The base URL callers reach the gateway on (for example <c>https://gateway.example.dk</c>), used in the
    /// served WSDL. Default: unset, and the WSDL names the host it was asked on.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Settings of the embedded PostgreSQL used when no connection string is configured.</summary>
    public EmbeddedDatabaseOptions EmbeddedDatabase { get; set; } = new();
}
