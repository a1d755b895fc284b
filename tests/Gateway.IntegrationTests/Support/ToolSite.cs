using System.Security.Cryptography.X509Certificates;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.Host.Sandbox;
using Gateway.RegistrationTool.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// A test gateway with its registration tool listening (HTTPS on a port of its own, the test PKI's server certificate),
/// a case worker of municipality 999 with a personal certificate from the test CA, and an Active registration-tool
/// agreement for the municipality.
/// </summary>
public sealed class ToolSite : IAsyncDisposable
{
    /// <summary>The case-worker id the tool's case worker has: the same one the SOAP test callers state, so that both channels' versions can be compared.</summary>
    public const string CaseWorkerId = "cw-4711";

    private ToolSite(TestGateway gateway, Uri url, X509Certificate2 caseWorker, Agreement agreement)
    {
        Gateway = gateway;
        Url = url;
        CaseWorkerCertificate = caseWorker;
        Agreement = agreement;
    }

    public TestGateway Gateway { get; }

    /// <summary>The tool's address, https://127.0.0.1:port/.</summary>
    public Uri Url { get; }

    /// <summary>The case worker's certificate, with its private key.</summary>
    public X509Certificate2 CaseWorkerCertificate { get; }

    /// <summary>The municipality's registration-tool agreement.</summary>
    public Agreement Agreement { get; }

    public CaseWorkerStore CaseWorkers => Gateway.Services.GetRequiredService<CaseWorkerStore>();

    public static async Task<ToolSite> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Gateway:RegistrationTool:Url"] = "https://127.0.0.1:0" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var gateway = await TestGateway.StartAsync(all);
        var address = gateway.Services.GetRequiredService<RegistrationToolServer>().Addresses[0];
        var caseWorker = TestPki.IssueClient("Sagsbehandler " + Guid.NewGuid().ToString("N")[..8]);
        await gateway.Services.GetRequiredService<CaseWorkerStore>().AddAsync(SandboxIdentity.Authority, CaseWorkerId, caseWorker, "tests", CancellationToken.None);
        var agreement = await gateway.Agreements.RequestAgreementAsync(ToolTerms(SandboxIdentity.Authority), "tests", "Registration-tool agreement", CancellationToken.None, activate: true);
        return new ToolSite(gateway, new Uri(address.TrimEnd('/') + "/"), caseWorker, agreement);
    }

    /// <summary>The terms of a registration-tool agreement for <paramref name="authority"/>: every operation, all citizens, Test.</summary>
    public static AgreementRequest ToolTerms(AuthorityId authority) => new()
    {
        Authority = authority,
        ItSystemId = Domain.Agreements.RegistrationTool.ItSystemId,
        Channel = RegistrationChannel.RegistrationTool,
        ReadScope = ReadScope.AllCitizens,
        Environment = GatewayEnvironment.Test,
        ValidFrom = new DateOnly(2005, 9, 1),
        CaseTypes = authority.Kind == AuthorityKind.Municipality ? new HashSet<CaseType> { CaseType.Kontanthjaelp, CaseType.Starthjaelp } : null,
    };

    /// <summary>A browser-like HTTP client presenting <paramref name="certificate"/> (the case worker's when null).</summary>
    public ToolClient Client(X509Certificate2? certificate = null) => new(Url, certificate ?? CaseWorkerCertificate);

    /// <summary>A client with no certificate at all.</summary>
    public ToolClient ClientWithoutCertificate() => new(Url, null);

    public async ValueTask DisposeAsync()
    {
        CaseWorkerCertificate.Dispose();
        await Gateway.DisposeAsync();
    }
}
