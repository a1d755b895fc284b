namespace Gateway.Host.Pipeline.Identify;

/// <summary>HTTPS and client certificates (configuration section <c>Gateway:Tls</c>).</summary>
public sealed class TlsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Tls";

    /// <summary>
    /// PFX file with the gateway's server certificate and key. Required when a connection string is configured
    /// (unless the gateway sits behind a TLS-terminating proxy and listens on HTTP only); the embedded sandbox makes its own.
    /// </summary>
    public string? ServerCertificatePath { get; set; }

    /// <summary>Password of <see cref="ServerCertificatePath"/>.</summary>
    public string? ServerCertificatePassword { get; set; }

    /// <summary>
    /// PEM file with the CA certificates client certificates must chain to (the trust bundle). Required outside the
    /// sandbox. Only these are trusted for clients; the machine's own trust store is not.
    /// </summary>
    public string? ClientCaBundlePath { get; set; }

    /// <summary>Accepting a client certificate forwarded by a TLS-terminating proxy.</summary>
    public ForwardedCertificateOptions ForwardedCertificate { get; set; } = new();
}
