using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Agreements;

namespace Gateway.Cli.CaseWorkers;

/// <summary><c>gatewayctl caseworkers revoke</c>: signing in with the certificate is refused from the tool's next request on.</summary>
public static class RevokeCaseWorkerCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var thumbprint = new Option<string>("--thumbprint")
        {
            Description = "The certificate's SHA-256 thumbprint (`gatewayctl caseworkers list`)",
            HelpName = "SHA256HEX",
            Required = true,
            CustomParser = ValueParsers.Thumbprint,
        };
        var reason = new Option<string>("--reason") { Description = "Why, recorded with the revocation", HelpName = "TEXT", Required = true, CustomParser = ValueParsers.Reason };
        var command = new Command("revoke", "Revoke a case worker's certificate") { thumbprint, reason };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var value = parseResult.GetRequiredValue(thumbprint);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new CaseWorkerStore(dataSource);
                var revoked = await store.RevokeAsync(value, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken);
                var caseWorker = await store.FindAsync(value, cancellationToken);
                if (revoked && caseWorker is not null)
                {
                    return run.Output.Result(caseWorker, CaseWorkersText.Revoked);
                }

                return run.Output.Refuse(caseWorker is null
                    ? $"No case worker's certificate with thumbprint {value}; `gatewayctl caseworkers list` shows the registered ones."
                    : $"Certificate {value} of case worker {PrintableText.Escape(caseWorker.CaseWorkerId)} is revoked already; nothing changed.");
            });
        });
        return command;
    }
}
