using System.Security.Cryptography.X509Certificates;
using Gateway.Conformance;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;
using Gateway.Host.Sandbox;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Conformance;

/// <summary>
/// An IT system of its own for a conformance test, connected as a partner's would be: its own client certificate and
/// one Active Test agreement for municipality 999, so that what applies to it is exactly what that agreement allows.
/// </summary>
internal sealed record KitSystem(Guid Id, Guid AgreementId, X509Certificate2 Certificate)
{
    private static int _serial;

    public static async Task<KitSystem> ConnectAsync(TestGateway gateway, string name)
    {
        var certificate = TestPki.IssueClient($"{name} {Interlocked.Increment(ref _serial)}");
        var trials = gateway.Services.GetRequiredService<TrialConnections>();
        var system = await trials.SystemAsync($"{name} {_serial}", "12345674", certificate, "tests", CancellationToken.None);
        var agreement = Guid.NewGuid();
        await trials.AgreementAsync(agreement, "Test Kommune", new AgreementRequest
        {
            Authority = SandboxIdentity.Authority,
            ItSystemId = system,
            CaseTypes = new HashSet<CaseType> { CaseType.Kontanthjaelp, CaseType.Starthjaelp },
            ReadScope = ReadScope.AllCitizens,
            Environment = GatewayEnvironment.Test,
            ValidFrom = new DateOnly(2005, 9, 1),
        }, "tests", "Conformance test connection", CancellationToken.None);
        return new KitSystem(system, agreement, certificate);
    }

    /// <summary>What the kit needs to call as this system.</summary>
    public KitTarget Target(TestGateway gateway) => new(
        gateway.ServiceUrl, Certificate, X509CertificateLoader.LoadCertificateFromFile(TestPki.CaPem), AgreementId,
        new Authority { Kind = AuthorityKind.Municipality, Code = Callers.MunicipalityCode }, null);
}
