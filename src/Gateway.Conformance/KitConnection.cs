using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Security;
using System.Text;
using System.Text.Json;
using Gateway.Contracts;
using Gateway.Contracts.Types;

namespace Gateway.Conformance;

/// <summary>
/// The kit's connections to the gateway, as a partner's .NET system would make them: WCF channels of the published
/// service interface over SOAP 1.1 and 1.2 with the client certificate and the <see cref="CallContextBehavior"/>, and
/// HTTPS to the partner's conformance endpoint. The server's certificate must chain to the given CA.
/// </summary>
internal sealed class KitConnection : IDisposable
{
    private readonly KitTarget _target;
    private readonly List<ChannelFactory<IContactCourseService>> _factories = [];
    private readonly HttpClient _http;
    private int _calls;

    public KitConnection(KitTarget target)
    {
        _target = target;
        _http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = SslStreamCertificateContext.Create(target.ClientCertificate, null, offline: true),
                RemoteCertificateValidationCallback = (_, server, _, _) => ChainsToCa(server as X509Certificate2, target.ServerCa),
            },
        }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client over SOAP 1.1 for a case worker, or marked as a system call.</summary>
    public IContactCourseService Soap11(bool systemCall = false) => Channel(
        new BasicHttpsBinding
        {
            MaxReceivedMessageSize = 16 * 1024 * 1024,
            SendTimeout = TimeSpan.FromSeconds(30),
            Security = { Transport = { ClientCredentialType = HttpClientCredentialType.Certificate } },
        }, systemCall);

    /// <summary>A client over SOAP 1.2, without WS-Addressing.</summary>
    public IContactCourseService Soap12() => Channel(
        new CustomBinding(
            new TextMessageEncodingBindingElement(MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), Encoding.UTF8),
            new HttpsTransportBindingElement { MaxReceivedMessageSize = 16 * 1024 * 1024, RequireClientCertificate = true })
        { SendTimeout = TimeSpan.FromSeconds(30) }, systemCall: false);

    /// <summary>Where the gateway says the kit's IT system stands (<c>GET /conformance/v1/status</c>).</summary>
    public async Task<JsonElement> StatusAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(_target.ConformanceUri("status"), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>Switches the drills of the kit's IT system (<c>PUT /conformance/v1/drills</c>).</summary>
    public async Task<JsonElement> SwitchDrillsAsync(bool on, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsync(_target.ConformanceUri("drills"), new StringContent(on ? "on" : "off", Encoding.ASCII, "text/plain"), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Abort();
        }

        _http.Dispose();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? json
            : throw new KitException($"The conformance endpoint answered {(int)response.StatusCode}: {json}");
    }

    private IContactCourseService Channel(Binding binding, bool systemCall)
    {
        var factory = new ChannelFactory<IContactCourseService>(binding, new EndpointAddress(_target.Endpoint));
        factory.Credentials.ClientCertificate.Certificate = _target.ClientCertificate;
        factory.Credentials.ServiceCertificate.SslCertificateAuthentication = new X509ServiceCertificateAuthentication
        {
            CertificateValidationMode = X509CertificateValidationMode.Custom,
            CustomCertificateValidator = new CaValidator(_target.ServerCa),
            RevocationMode = X509RevocationMode.NoCheck,
        };
        factory.Endpoint.EndpointBehaviors.Add(new CallContextBehavior(() => Context(systemCall)));
        _factories.Add(factory);
        return factory.CreateChannel();
    }

    private CallContext Context(bool systemCall)
    {
        return new CallContext
        {
            AgreementId = _target.AgreementId,
            ActingAuthority = _target.ActingAuthority,
            Principal = _target.Principal,
            CaseWorkerId = systemCall ? null : "kit-caseworker",
            SystemCall = systemCall ? new SystemCall() : null,
            CallId = $"kit-{Environment.ProcessId}-{Interlocked.Increment(ref _calls):D4}",
        };
    }

    private static bool ChainsToCa(X509Certificate2? server, X509Certificate2 ca)
    {
        if (server is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(server);
    }

    private sealed class CaValidator(X509Certificate2 ca) : System.IdentityModel.Selectors.X509CertificateValidator
    {
        public override void Validate(X509Certificate2 certificate)
        {
            if (!ChainsToCa(certificate, ca))
            {
                throw new System.IdentityModel.Tokens.SecurityTokenValidationException("The gateway's server certificate does not chain to the CA given to the kit.");
            }
        }
    }
}
