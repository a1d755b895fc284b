using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Certificates;

/// <summary><c>gatewayctl certificates add</c>: registers a client certificate (PEM or DER) for an IT system.</summary>
public static class AddCertificateCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var system = new Option<Guid>("--system")
        {
            Description = "The IT system's id (`gatewayctl systems list`)",
            HelpName = "ID",
            Required = true,
            CustomParser = ValueParsers.Id,
        };
        var file = new Option<string>("--file")
        {
            Description = "The certificate, PEM or DER (the public part only)",
            HelpName = "PATH",
            Required = true,
            CustomParser = ValueParsers.Text,
        };
        var command = new Command("add", "Register a client certificate; prints its thumbprint, subject and validity") { system, file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            using var certificate = Load(parseResult.GetRequiredValue(file), run.Output);
            return certificate is null
                ? ExitCodes.Usage
                : await run.WithDatabaseAsync(dataSource => AddAsync(dataSource, parseResult.GetValue(system), certificate, run, cancellationToken));
        });
        return command;
    }

    private static async Task<int> AddAsync(
        GatewayDataSource dataSource, Guid systemId, X509Certificate2 certificate, CommandRun run, CancellationToken cancellationToken)
    {
        var store = new CertificateStore(dataSource);
        if (systemId == RegistrationTool.ItSystemId)
        {
            return run.Output.Refuse("The registration tool calls with no certificate of its own: its case workers sign in with theirs (`gatewayctl caseworkers add`).");
        }

        if ((await new ItSystemStore(dataSource).ListItSystemsAsync(cancellationToken)).All(s => s.Id != systemId))
        {
            return run.Output.Refuse($"No IT system {systemId}; `gatewayctl systems list` shows the registered ones, `gatewayctl systems add` registers one.");
        }

        var thumbprint = CertificateThumbprint.Of(certificate);
        if (await new CaseWorkerStore(dataSource).FindAsync(thumbprint, cancellationToken) is not null)
        {
            return run.Output.Refuse($"Certificate {thumbprint} is a case worker's (`gatewayctl caseworkers list`); an IT system calls with a certificate of its own. Issue one.");
        }

        var existing = (await store.ListCertificatesAsync(null, cancellationToken)).FirstOrDefault(c => c.Thumbprint == thumbprint);
        if (existing is { Revoked: true })
        {
            return run.Output.Refuse($"Certificate {thumbprint} ({PrintableText.Escape(existing.Subject)}) was revoked; a revoked certificate cannot be registered again. Issue a new one.");
        }

        if (existing is not null && existing.ItSystemId != systemId)
        {
            return run.Output.Refuse(
                $"Certificate {thumbprint} is registered already for IT system {existing.ItSystemId}; a certificate identifies one IT system. Issue a new one.");
        }

        if (existing is not null)
        {
            run.Output.Note($"Certificate {thumbprint} was registered already for this IT system; nothing changed.");
        }

        var registered = existing ?? await store.AddCertificateAsync(systemId, certificate, run.Operator, cancellationToken);
        if (registered.NotAfter < DateTimeOffset.UtcNow)
        {
            run.Output.Note($"Note: the certificate expired on {registered.NotAfter:yyyy-MM-dd}; calls with it are refused.");
        }

        return run.Output.Result(registered, CertificatesText.Certificate);
    }

    private static X509Certificate2? Load(string path, CommandOutput output)
    {
        if (!File.Exists(path))
        {
            output.Usage($"No file {path}; --file takes the path of a certificate in PEM or DER form.");
            return null;
        }

        try
        {
            return CertificateFiles.LoadCertificate(path);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            output.Usage($"{path} is not a certificate in PEM or DER form ({ex.Message}); give the client certificate itself, for example client.pem.");
            return null;
        }
    }
}
