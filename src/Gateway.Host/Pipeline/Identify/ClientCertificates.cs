using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Pipeline.Identify;

/// <summary>
/// Finds the client certificate of a request (from the TLS connection, or from a configured proxy's header) and
/// checks that it chains to the gateway's own trust bundle, never to the machine's trust store.
/// </summary>
internal sealed class ClientCertificates
{
    private const int MaxRemembered = 10_000;
    private readonly TrustBundle _trustBundle;
    private readonly ForwardedCertificateOptions _forwarding;
    private readonly HashSet<IPAddress> _proxies;
    private readonly ConcurrentDictionary<string, bool> _trusted = new(StringComparer.Ordinal);

    public ClientCertificates(TrustBundle trustBundle, IOptions<TlsOptions> options)
    {
        _trustBundle = trustBundle;
        _forwarding = options.Value.ForwardedCertificate;
        _proxies = [.. _forwarding.KnownProxies.Select(p => IPAddress.Parse(p).MapToIPv6())];
    }

    /// <summary>The certificate the caller presented, or null.</summary>
    public X509Certificate2? FromRequest(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !_proxies.Contains(remote.MapToIPv6()))
        {
            return context.Connection.ClientCertificate;
        }

        // Exactly one header value holding exactly one certificate: a proxy that appends its header to one the caller
        // sent would otherwise let the caller's copy of someone else's (public) certificate be read first.
        var values = context.Request.Headers[_forwarding.HeaderName];
        if (values.Count != 1 || Uri.UnescapeDataString(values[0] ?? "") is not { Length: > 0 } pem
            || pem.Split("-----BEGIN CERTIFICATE-----").Length != 2)
        {
            return values.Count == 0 ? context.Connection.ClientCertificate : null;
        }

        try
        {
            var forwarded = X509Certificate2.CreateFromPem(pem);
            context.Response.RegisterForDispose(forwarded);
            return forwarded;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the certificate (whose SHA-256 <paramref name="thumbprint"/> the caller has computed already) chains to a CA
    /// of the trust bundle and may authenticate a client. Validity dates are checked separately.
    /// </summary>
    public bool IsTrusted(X509Certificate2 certificate, string thumbprint)
    {
        if (_trusted.TryGetValue(thumbprint, out var trusted))
        {
            return trusted;
        }

        using var chain = new X509Chain { ChainPolicy = _trustBundle.ChainPolicy() };
        trusted = chain.Build(certificate);
        foreach (var element in chain.ChainElements)
        {
            if (!ReferenceEquals(element.Certificate, certificate))
            {
                element.Certificate.Dispose();
            }
        }

        if (_trusted.Count > MaxRemembered)
        {
            _trusted.Clear();
        }

        _trusted[thumbprint] = trusted;
        return trusted;
    }
}
