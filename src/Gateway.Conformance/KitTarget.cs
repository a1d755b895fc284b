using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;

namespace Gateway.Conformance;

/// <summary>Where the kit calls and as whom: the service URL, the client certificate, the CA the server's certificate chains to, and the agreement and acting authority of every call.</summary>
/// <param name="Endpoint">The service URL, <c>https://…/soap/v1/ContactCourse</c>.</param>
/// <param name="ClientCertificate">The IT system's client certificate, with its private key.</param>
/// <param name="ServerCa">The CA that issued the gateway's server certificate.</param>
/// <param name="AgreementId">The Test agreement every call names.</param>
/// <param name="ActingAuthority">The authority making the calls.</param>
/// <param name="Principal">For an other actor, the municipality or unit it acts for; otherwise null.</param>
internal sealed record KitTarget(Uri Endpoint, X509Certificate2 ClientCertificate, X509Certificate2 ServerCa, Guid AgreementId, Authority ActingAuthority, Authority? Principal)
{
    /// <summary>The partner's conformance endpoint on the same host: <c>/conformance/v1/…</c>.</summary>
    public Uri ConformanceUri(string resource) => new(Endpoint, "/conformance/v1/" + resource);

    /// <summary>The target a sandbox describes in its <c>sandbox.json</c>.</summary>
    public static KitTarget FromSandbox(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var certificate = root.GetProperty("clientCertificate");
        var authority = root.GetProperty("actingAuthority");
        return new KitTarget(
            new Uri(root.GetProperty("endpoint").GetString()!),
            X509CertificateLoader.LoadPkcs12FromFile(certificate.GetProperty("pfx").GetString()!, certificate.GetProperty("pfxPassword").GetString()),
            X509CertificateLoader.LoadCertificateFromFile(root.GetProperty("caCertificate").GetString()!),
            root.GetProperty("agreementId").GetGuid(),
            new Authority { Kind = Enum.Parse<AuthorityKind>(authority.GetProperty("kind").GetString()!), Code = authority.GetProperty("code").GetString()! },
            null);
    }

    /// <summary>A target given piece by piece: PEM certificate and key, the server's CA in PEM, <c>KIND:CODE</c> authorities.</summary>
    public static KitTarget FromFiles(Uri endpoint, string certificatePem, string keyPem, string caPem, Guid agreementId, string authority, string? principal)
    {
        // A key loaded from PEM is ephemeral; TLS on Linux needs it exportable, so it goes through PKCS#12 once.
        using var pem = X509Certificate2.CreateFromPemFile(certificatePem, keyPem);
        var client = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        return new KitTarget(endpoint, client, X509CertificateLoader.LoadCertificateFromFile(caPem), agreementId, ParseAuthority(authority), principal is null ? null : ParseAuthority(principal));
    }

    private static Authority ParseAuthority(string text)
    {
        var parts = text.Split(':', 2);
        return parts.Length == 2 && Enum.TryParse<AuthorityKind>(parts[0], out var kind)
            ? new Authority { Kind = kind, Code = parts[1] }
            : throw new ArgumentException($"'{text}' is not KIND:CODE (Municipality:101, EmploymentServiceUnit:4001, OtherActor:12345674).");
    }
}
