using System.Text.Json;
using Gateway.Certificates;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;
using Gateway.RegistrationTool.Hosting;

namespace Gateway.Host.Sandbox;

/// <summary>
/// Makes the embedded default ready to call: registers the sandbox authority, IT system, client certificate and an
/// Active Test agreement (a trial connection needs no approval); for the registration tool, a case worker with a
/// personal certificate and an Active Test registration-tool agreement; and writes <c>sandbox.json</c> describing it all.
/// </summary>
internal sealed partial class SandboxProvisioner(
    TrialConnections trials, CaseWorkerStore caseWorkers, SandboxCertificates files, RegistrationToolServer tool, ILogger<SandboxProvisioner> logger)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private Guid _system;

    /// <summary>Registers the sandbox's authority, IT system, certificate and agreement, where missing.</summary>
    public async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        Guid system;
        using (var client = CertificateFiles.LoadCertificate(files.ClientPem))
        {
            system = await trials.SystemAsync(SandboxIdentity.ItSystemName, SandboxIdentity.VendorCvr, client, "sandbox", cancellationToken);
        }

        var terms = new AgreementRequest
        {
            Authority = SandboxIdentity.Authority,
            ItSystemId = system,
            CaseTypes = new HashSet<CaseType> { CaseType.Kontanthjaelp, CaseType.Starthjaelp },
            ReadScope = ReadScope.AllCitizens,
            Environment = GatewayEnvironment.Test,
            ValidFrom = new DateOnly(2005, 9, 1),
            Contact = "sandbox",
        };
        await trials.AgreementAsync(
            SandboxIdentity.AgreementId, SandboxIdentity.AuthorityName, terms, "sandbox", "Sandbox trial connection (Test: no approval needed).", cancellationToken);

        _system = system;

        using (var caseWorker = CertificateFiles.LoadCertificate(files.CaseWorkerPem))
        {
            await caseWorkers.AddAsync(SandboxIdentity.Authority, SandboxIdentity.CaseWorkerId, caseWorker, "sandbox", cancellationToken);
        }

        // The same terms for the browser tool: its own IT system and channel.
        await trials.AgreementAsync(SandboxIdentity.ToolAgreementId, SandboxIdentity.AuthorityName,
            terms with { ItSystemId = Domain.Agreements.RegistrationTool.ItSystemId, Channel = RegistrationChannel.RegistrationTool },
            "sandbox", "Sandbox registration-tool agreement (Test: no approval needed).", cancellationToken);
    }

    /// <summary>Writes <c>sandbox.json</c> for the service URLs the gateway listens on, and says where it is.</summary>
    public void Describe(IReadOnlyCollection<string> serviceUrls)
    {
        var service = serviceUrls.FirstOrDefault(u => u.StartsWith("https:", StringComparison.Ordinal)) ?? serviceUrls.First();
        var description = new
        {
            endpoint = service,
            wsdl = service + "?wsdl",
            environment = nameof(GatewayEnvironment.Test),
            agreementId = SandboxIdentity.AgreementId,
            actingAuthority = new { kind = SandboxIdentity.Authority.Kind.ToString(), code = SandboxIdentity.Authority.Code },
            itSystem = SandboxIdentity.ItSystemName,
            itSystemId = _system,
            clientCertificate = new { pfx = files.ClientPfx, pfxPassword = files.Password, pem = files.ClientPem, keyPem = files.ClientKeyPem },
            caCertificate = files.CaPem,
            registrationTool = ToolUrl() is { } url
                ? new { url, agreementId = SandboxIdentity.ToolAgreementId, caseWorkerId = SandboxIdentity.CaseWorkerId, caseWorkerCertificate = new { pfx = files.CaseWorkerPfx, pfxPassword = files.Password } }
                : null,
            sampleCall = $"curl --cacert {files.CaPem} --cert {files.ClientPem} --key {files.ClientKeyPem} -H 'Content-Type: text/xml' --data-binary @docs/samples/Ping.xml {service}",
        };
        // It names the PFX password: readable by whoever runs the gateway only, like the keys themselves.
        File.WriteAllText(files.DescriptionFile, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(files.DescriptionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(files.DescriptionFile, JsonSerializer.Serialize(description, Json));
        Ready(files.DescriptionFile, SandboxIdentity.AgreementId);
        if (ToolUrl() is { } tool)
        {
            ToolReady(tool, files.CaseWorkerPfx, files.CaPem);
        }
    }

    // The tool's address as a browser opens it: a wildcard or loopback host shown as localhost, which its certificate names.
    private string? ToolUrl() => tool.Addresses is [var address, ..]
        ? address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://127.0.0.1", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/"
        : null;

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Registration tool ready (Test environment): {Url}\n  Sign in with the sandbox case worker's certificate: import {CaseWorkerPfx} into the browser (its password is in sandbox.json), and trust {CaCertificate}")]
    private partial void ToolReady(string url, string caseWorkerPfx, string caCertificate);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Sandbox ready (Test environment). Agreement {AgreementId}; certificates, keys and how to call: {DescriptionFile}")]
    private partial void Ready(string descriptionFile, Guid agreementId);
}
