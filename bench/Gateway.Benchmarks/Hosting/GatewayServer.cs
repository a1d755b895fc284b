using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.Host.Hosting;
using Gateway.Host.Sandbox;
using Npgsql;

namespace Gateway.Benchmarks.Hosting;

/// <summary>
/// The real gateway, in-process, composed as <c>Program.cs</c> composes it: HTTPS with client certificates trusted
/// through the run's CA, and the sandbox's identifiers (authority 999, its agreement) registered for the load
/// client's certificate, so the documented samples are admitted as they stand. A Production gateway is what operators
/// run for real; a Test gateway also records every call for conformance.
/// </summary>
internal static class GatewayServer
{
    /// <summary>
    /// Starts the gateway of <paramref name="environment"/> on the given database, with an Active agreement of that
    /// environment; <paramref name="alsoActingFor"/> gives the load client's system an agreement of its own (own citizens)
    /// for each of those authorities too, which must be registered already (a scale run reads a seeded municipality's feed).
    /// <paramref name="settings"/> are configuration of the run's own on top.
    /// </summary>
    public static async Task<RunningServer> StartAsync(
        string connectionString, GatewayEnvironment environment, BenchCertificates certificates, CancellationToken cancellationToken,
        IReadOnlyList<(Guid AgreementId, AuthorityId Authority, string Name)>? alsoActingFor = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = LoopbackHost.CreateBuilder(
            new Dictionary<string, string?>
            {
                // The product limits its embedded database to 16 connections (GatewayDatabase); do the same here.
                ["ConnectionStrings:Gateway"] = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 16 }.ConnectionString,
                ["Gateway:Environment"] = environment.ToString(),
                ["Gateway:Tls:ServerCertificatePath"] = certificates.ServerPfx,
                ["Gateway:Tls:ServerCertificatePassword"] = BenchCertificates.Password,
                ["Gateway:Tls:ClientCaBundlePath"] = certificates.CaPem,
                // Its management listener runs as in production, on a port of its own.
                ["Gateway:Management:Url"] = "http://127.0.0.1:0",
                // No registration tool: the runs measure the web services, and two gateways (Production and Test) would
                // otherwise both take the tool's default port.
                ["Gateway:RegistrationTool:Url"] = "",
            },
            https: true);
        if (settings is not null)
        {
            // Last, so that they win: the run's telemetry (an OTLP endpoint, a management port it scrapes).
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddGateway();

        var app = builder.Build();
        try
        {
            app.UseGateway();
            await app.PrepareGatewayAsync(cancellationToken);
            await RegisterCallerAsync(app.Services, environment, certificates, alsoActingFor ?? [], cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return await RunningServer.StartAsync(app, GatewayOptions.ServicePath, cancellationToken);
    }

    // The benchmark approves its own agreement, in Production too: it measures calls, not the approval.
    private static async Task RegisterCallerAsync(
        IServiceProvider services, GatewayEnvironment environment, BenchCertificates certificates,
        IReadOnlyList<(Guid AgreementId, AuthorityId Authority, string Name)> alsoActingFor, CancellationToken cancellationToken)
    {
        var trials = services.GetRequiredService<TrialConnections>();
        var system = await trials.SystemAsync("Benchmark case system", SandboxIdentity.VendorCvr, certificates.Client, "benchmark", cancellationToken);
        await trials.AgreementAsync(SandboxIdentity.AgreementId, SandboxIdentity.AuthorityName, new AgreementRequest
        {
            Authority = SandboxIdentity.Authority,
            ItSystemId = system,
            CaseTypes = new HashSet<CaseType> { CaseType.Kontanthjaelp, CaseType.Starthjaelp },
            ReadScope = ReadScope.AllCitizens,
            Environment = environment,
            ValidFrom = new DateOnly(2005, 9, 1),
        }, "benchmark", "Benchmark caller", cancellationToken);
        foreach (var (agreementId, authority, name) in alsoActingFor)
        {
            await trials.AgreementAsync(agreementId, name, new AgreementRequest
            {
                Authority = authority,
                ItSystemId = system,
                Environment = environment,
                ValidFrom = new DateOnly(2005, 9, 1),
            }, "benchmark", "Benchmark caller, reading a seeded authority's feed", cancellationToken);
        }
    }
}
