using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.CaseWorkers;

/// <summary><c>gatewayctl caseworkers add</c>: registers a case worker's personal certificate (PEM or DER) to an authority and a case-worker id.</summary>
public static class AddCaseWorkerCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var authority = new Option<AuthorityId>("--authority")
        {
            Description = "The authority the case worker works for, as Kind:Code (Municipality:101, EmploymentServiceUnit:4001, OtherActor:CVR)",
            HelpName = "Kind:Code",
            Required = true,
            CustomParser = ValueParsers.Authority,
        };
        var caseWorker = new Option<string>("--case-worker")
        {
            Description = "The case worker's id, recorded on every registration and access-log entry the case worker makes",
            HelpName = "ID",
            Required = true,
            CustomParser = ValueParsers.Text,
        };
        var file = new Option<string>("--file")
        {
            Description = "The case worker's certificate, PEM or DER (the public part only)",
            HelpName = "PATH",
            Required = true,
            CustomParser = ValueParsers.Text,
        };
        var command = new Command("add", "Register a case worker's certificate; prints its thumbprint, authority, case-worker id and validity") { authority, caseWorker, file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var id = parseResult.GetRequiredValue(caseWorker);
            if (!CallContextRules.IsCaseWorkerId(id))
            {
                return run.Output.Usage(
                    $"'{PrintableText.Escape(id)}' cannot be a case-worker id: give 1-{CallContextRules.CaseWorkerIdMax} characters, starting with a letter or a digit, with single spaces and nothing invisible.");
            }

            using var certificate = Load(parseResult.GetRequiredValue(file), run.Output);
            return certificate is null
                ? ExitCodes.Usage
                : await run.WithDatabaseAsync(dataSource => AddAsync(dataSource, parseResult.GetRequiredValue(authority), id, certificate, run, cancellationToken));
        });
        return command;
    }

    private static async Task<int> AddAsync(
        GatewayDataSource dataSource, AuthorityId authority, string caseWorkerId, X509Certificate2 certificate, CommandRun run, CancellationToken cancellationToken)
    {
        if ((await new AuthorityStore(dataSource).ListAuthoritiesAsync(cancellationToken)).All(a => a.Authority != authority))
        {
            return run.Output.Refuse($"Authority {authority} is not registered; add it with `gatewayctl authorities add --kind {authority.Kind} --code {authority.Code} --name NAME`.");
        }

        var thumbprint = CertificateThumbprint.Of(certificate);
        if ((await new CertificateStore(dataSource).ListCertificatesAsync(null, cancellationToken)).Any(c => c.Thumbprint == thumbprint))
        {
            return run.Output.Refuse($"Certificate {thumbprint} is an IT system's (`gatewayctl certificates list`); a case worker signs in with a personal certificate of their own. Issue one.");
        }

        var store = new CaseWorkerStore(dataSource);
        var existing = await store.FindAsync(thumbprint, cancellationToken);
        if (existing is { Revoked: true })
        {
            return run.Output.Refuse($"Certificate {thumbprint} ({PrintableText.Escape(existing.Subject)}) was revoked; a revoked certificate cannot be registered again. Issue a new one.");
        }

        if (existing is not null && (existing.Authority != authority || existing.CaseWorkerId != caseWorkerId))
        {
            return run.Output.Refuse(
                $"Certificate {thumbprint} is registered already for case worker {PrintableText.Escape(existing.CaseWorkerId)} of {existing.Authority}; a certificate identifies one person. Issue a new one.");
        }

        if (existing is not null)
        {
            run.Output.Note($"Certificate {thumbprint} was registered already for this case worker; nothing changed.");
        }

        var registered = existing ?? await store.AddAsync(authority, caseWorkerId, certificate, run.Operator, cancellationToken);
        if (registered.NotAfter < DateTimeOffset.UtcNow)
        {
            run.Output.Note($"Note: the certificate expired on {registered.NotAfter:yyyy-MM-dd}; signing in with it is refused.");
        }

        return run.Output.Result(registered, CaseWorkersText.CaseWorker);
    }

    private static X509Certificate2? Load(string path, CommandOutput output)
    {
        if (!File.Exists(path))
        {
            output.Usage($"No file {path}; --file takes the path of the case worker's certificate in PEM or DER form.");
            return null;
        }

        try
        {
            return CertificateFiles.LoadCertificate(path);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            output.Usage($"{path} is not a certificate in PEM or DER form ({ex.Message}); give the certificate itself, for example caseworker.pem.");
            return null;
        }
    }
}
