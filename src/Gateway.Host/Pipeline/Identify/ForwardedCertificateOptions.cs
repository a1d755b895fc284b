namespace Gateway.Host.Pipeline.Identify;

/// <summary>A client certificate forwarded in an HTTP header by a TLS-terminating proxy (section <c>Gateway:Tls:ForwardedCertificate</c>).</summary>
public sealed class ForwardedCertificateOptions
{
    /// <summary>The header holding the URL-escaped PEM certificate (as nginx's <c>$ssl_client_escaped_cert</c>). Default <c>X-Client-Certificate</c>.</summary>
    public string HeaderName { get; set; } = "X-Client-Certificate";

    /// <summary>
    /// The proxies' IP addresses. The header is read only on connections from these; from anywhere else it is ignored.
    /// Default: none, so no forwarded certificate is ever accepted.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}
