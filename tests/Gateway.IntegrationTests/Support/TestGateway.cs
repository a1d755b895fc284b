using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Security;
using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.Host.Access;
using Gateway.Host.Hosting;
using Gateway.Host.Sandbox;
using Gateway.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The real gateway, composed exactly as Program.cs does, listening with Kestrel on a loopback port over HTTPS with
/// client certificates, on its own fresh database (or a shared one, for two instances), in the Test environment.
/// Its database holds the authorities of <see cref="Callers"/>, the test IT system with <see cref="ClientCertificate"/>,
/// and an Active agreement for each caller. Its log is captured for assertions.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    /// <summary>The IT system every test caller calls with, and its certificate (one for the whole run).</summary>
    public const string ItSystemName = "Test case system";

    private static readonly Lazy<X509Certificate2> RunCertificate = new(() => TestPki.IssueClient(ItSystemName));
    private readonly WebApplication _app;
    private readonly List<ChannelFactory> _factories = [];

    private TestGateway(WebApplication app, string connectionString, CapturedLog log, Guid itSystemId)
    {
        _app = app;
        ConnectionString = connectionString;
        Log = log;
        ItSystemId = itSystemId;
        BaseAddress = new Uri(app.Urls.Single());
        ServiceUrl = new Uri(BaseAddress, GatewayOptions.ServicePath);
        Http = CreateHttp(ClientCertificate);
        DataSource = NpgsqlDataSource.Create(connectionString);
        Store = GatewayDataSource.Create(connectionString);
        Authorities = new AuthorityStore(Store);
        ItSystems = new ItSystemStore(Store);
        Certificates = new CertificateStore(Store);
        Agreements = new AgreementStore(Store);
        Usage = new UsageStore(Store);
    }

    public static X509Certificate2 ClientCertificate => RunCertificate.Value;

    public Uri BaseAddress { get; }

    public Uri ServiceUrl { get; }

    public string ConnectionString { get; }

    public CapturedLog Log { get; }

    public Guid ItSystemId { get; }

    /// <summary>Plain HTTPS with the test IT system's client certificate, for what a WCF client cannot send.</summary>
    public HttpClient Http { get; }

    /// <summary>Direct access to the gateway's database, for asserting what was (not) stored.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The gateway's database through the data layer, for the stores below and any other.</summary>
    public GatewayDataSource Store { get; }

    /// <summary>What an operator changes, through the same stores gatewayctl uses.</summary>
    public AuthorityStore Authorities { get; }

    public ItSystemStore ItSystems { get; }

    public CertificateStore Certificates { get; }

    public AgreementStore Agreements { get; }

    public UsageStore Usage { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a gateway; <paramref name="settings"/> override configuration; <paramref name="connectionString"/> shares a
    /// database; <paramref name="embeddedFolder"/> instead makes it start its own embedded PostgreSQL there, as the README's
    /// run command does with no connection string.
    /// </summary>
    public static async Task<TestGateway> StartAsync(IDictionary<string, string?>? settings = null, string? connectionString = null, string? embeddedFolder = null)
    {
        if (embeddedFolder is null)
        {
            connectionString ??= await TestPostgres.CreateDatabaseAsync();
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [GatewayDatabase.ConnectionStringKey] = connectionString,
            ["Gateway:EmbeddedDatabase:DataDirectory"] = embeddedFolder,
            ["Gateway:Environment"] = "Test",
            ["Gateway:Tls:ServerCertificatePath"] = TestPki.ServerPfx,
            ["Gateway:Tls:ServerCertificatePassword"] = TestPki.Password,
            ["Gateway:Tls:ClientCaBundlePath"] = TestPki.CaPem,
            // Many test gateways run at once: each management listener takes a port of its own.
            ["Gateway:Management:Url"] = "http://127.0.0.1:0",
            // The registration tool only where a test asks for it (RegistrationToolFixture).
            ["Gateway:RegistrationTool:Url"] = "",
            // Configuration rules outrank SetMinimumLevel: capture the gateway's own Debug events too.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Npgsql"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var log = new CapturedLog();
        builder.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseUrls("https://127.0.0.1:0");
        builder.AddGateway();

        var app = builder.Build();
        app.UseGateway();
        await app.PrepareGatewayAsync();
        var itSystem = await SeedAsync(app.Services);
        await app.StartAsync();
        return new TestGateway(app, app.Services.GetRequiredService<GatewayDatabase>().ConnectionString, log, itSystem);
    }

    /// <summary>A WCF client of the published contract over SOAP 1.1 (BasicHttpsBinding with a client certificate), as <paramref name="caller"/>.</summary>
    public IContactCourseService Client(As caller = As.Municipality) => CreateChannel(
        new BasicHttpsBinding { MaxReceivedMessageSize = 4 * 1024 * 1024, Security = { Transport = { ClientCredentialType = HttpClientCredentialType.Certificate } } },
        () => Callers.ContextOf(caller));

    /// <summary>A WCF client over SOAP 1.2 without WS-Addressing, as <paramref name="caller"/>.</summary>
    public IContactCourseService Soap12Client(As caller = As.Municipality) => CreateChannel(
        new CustomBinding(
            new TextMessageEncodingBindingElement(MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), System.Text.Encoding.UTF8),
            new HttpsTransportBindingElement { MaxReceivedMessageSize = 4 * 1024 * 1024, RequireClientCertificate = true }),
        () => Callers.ContextOf(caller));

    /// <summary>A WCF client with any certificate and call context, for access tests.</summary>
    public IContactCourseService ClientWith(X509Certificate2 certificate, Func<Gateway.Contracts.Types.CallContext> context) => CreateChannel(
        new BasicHttpsBinding { Security = { Transport = { ClientCredentialType = HttpClientCredentialType.Certificate } } }, context, certificate);

    /// <summary>A WCF client for municipality 999 under a new Active agreement whose read scope is own citizens only.</summary>
    public async Task<IContactCourseService> OwnCitizensClientAsync()
    {
        var agreement = await Agreements.RequestAgreementAsync(new AgreementRequest
        {
            Authority = SandboxIdentity.Authority,
            ItSystemId = ItSystemId,
            ReadScope = ReadScope.OwnCitizens,
            Environment = GatewayEnvironment.Test,
            ValidFrom = new DateOnly(2005, 9, 1),
        }, "tests", "Own-citizens agreement", CancellationToken.None, activate: true);
        return ClientWith(ClientCertificate, () =>
        {
            var context = Callers.ContextOf(As.Municipality);
            context.AgreementId = agreement.Id;
            return context;
        });
    }

    /// <summary>
    /// A WCF client for Employment Service unit 1234 under a new Active supervisor's agreement: the supervision figures
    /// of every authority, and the overdue lists with CPR numbers when <paramref name="overdueCpr"/>.
    /// </summary>
    public async Task<IContactCourseService> SupervisorClientAsync(bool overdueCpr)
    {
        var agreement = await Agreements.RequestAgreementAsync(new AgreementRequest
        {
            Authority = new AuthorityId(AuthorityKind.EmploymentServiceUnit, Callers.UnitCode),
            ItSystemId = ItSystemId,
            SupervisionScope = SupervisionScope.AllAuthorities,
            OverdueCpr = overdueCpr,
            Environment = GatewayEnvironment.Test,
            ValidFrom = new DateOnly(2005, 9, 1),
        }, "tests", "Supervisor's agreement", CancellationToken.None, activate: true);
        return ClientWith(ClientCertificate, () =>
        {
            var context = Callers.ContextOf(As.EmploymentServiceUnit);
            context.AgreementId = agreement.Id;
            return context;
        });
    }

    /// <summary>HTTPS with the given client certificate (or none), trusting the test CA for the server.</summary>
    /// <remarks>
    /// The client sends its certificate alone, built offline: by default the client side would complete the chain
    /// itself, downloading whatever issuer the certificate's AIA URL names, and tests of hostile URLs would test that.
    /// </remarks>
    public HttpClient CreateHttp(X509Certificate2? certificate) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            ClientCertificateContext = certificate is null ? null : SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true),
            RemoteCertificateValidationCallback = (_, server, _, _) => TestPki.TrustsServer(server as X509Certificate2),
        },
    })
    { BaseAddress = BaseAddress };

    /// <summary>
    /// Makes a change to certificates or agreements and waits until this gateway has heard of it (log event 202), as
    /// every instance does within milliseconds of the commit; a call in between would still be decided on the cache.
    /// </summary>
    public async Task<T> ChangeAccessAsync<T>(Func<Task<T>> change)
    {
        var heard = Log.Entries.Count(e => e.EventId.Id == 202);
        var result = await change();
        var cache = Services.GetRequiredService<CachedAccessStore>();
        await Eventually.HoldsAsync(() => !cache.IsCaching || Log.Entries.Count(e => e.EventId.Id == 202) > heard, "the gateway never heard of the change");
        return result;
    }

    /// <summary>Counts the rows of a table in the gateway's database.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var command = DataSource.CreateCommand($"select count(*) from {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            factory.Abort();
        }

        Http.Dispose();
        await DataSource.DisposeAsync();
        await Store.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IContactCourseService CreateChannel(Binding binding, Func<Gateway.Contracts.Types.CallContext> context, X509Certificate2? certificate = null)
    {
        var factory = new ChannelFactory<IContactCourseService>(binding, new EndpointAddress(ServiceUrl));
        factory.Credentials.ClientCertificate.Certificate = certificate ?? ClientCertificate;
        factory.Credentials.ServiceCertificate.SslCertificateAuthentication = new X509ServiceCertificateAuthentication
        {
            CertificateValidationMode = X509CertificateValidationMode.Custom,
            CustomCertificateValidator = new TestCaValidator(),
            RevocationMode = X509RevocationMode.NoCheck,
        };
        factory.Endpoint.EndpointBehaviors.Add(new CallContextBehavior(context));
        _factories.Add(factory);
        return factory.CreateChannel();
    }

    // Idempotent, so a second instance on the same database can run it too.
    private static async Task<Guid> SeedAsync(IServiceProvider services)
    {
        var trials = services.GetRequiredService<TrialConnections>();
        var municipality = SandboxIdentity.Authority;
        var system = await trials.SystemAsync(ItSystemName, "12345674", ClientCertificate, "tests", CancellationToken.None);
        foreach (var (id, authority, name, principals) in new[]
        {
            (SandboxIdentity.AgreementId, municipality, "Test Kommune", Array.Empty<AuthorityId>()),
            (Callers.UnitAgreementId, new AuthorityId(AuthorityKind.EmploymentServiceUnit, Callers.UnitCode), "Test AF", []),
            (Callers.OtherActorAgreementId, new AuthorityId(AuthorityKind.OtherActor, Callers.OtherActorCvr), "Test anden aktør", [municipality]),
        })
        {
            await trials.AgreementAsync(id, name, new AgreementRequest
            {
                Authority = authority,
                Principals = principals,
                ItSystemId = system,
                ReadScope = ReadScope.AllCitizens,
                Environment = GatewayEnvironment.Test,
                ValidFrom = new DateOnly(2005, 9, 1),
            }, "tests", "Test agreement", CancellationToken.None);
        }

        return system;
    }

    private sealed class TestCaValidator : System.IdentityModel.Selectors.X509CertificateValidator
    {
        public override void Validate(X509Certificate2 certificate)
        {
            if (!TestPki.TrustsServer(certificate))
            {
                throw new System.IdentityModel.Tokens.SecurityTokenValidationException("The server certificate is not issued by the test CA.");
            }
        }
    }
}
