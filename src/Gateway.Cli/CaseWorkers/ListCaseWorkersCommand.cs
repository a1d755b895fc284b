using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.CaseWorkers;

/// <summary><c>gatewayctl caseworkers list</c>: every registered certificate with who added it and, if revoked, who revoked it and why.</summary>
public static class ListCaseWorkersCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var authority = new Option<AuthorityId?>("--authority")
        {
            Description = "Only this authority's case workers, as Kind:Code",
            HelpName = "Kind:Code",
            CustomParser = ValueParsers.Authority,
        };
        var command = new Command("list", "List case workers' certificates, with their history (added, revoked)") { authority };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource => run.Output.Result(
                await new CaseWorkerStore(dataSource).ListAsync(parseResult.GetValue(authority), cancellationToken), CaseWorkersText.CaseWorkers));
        });
        return command;
    }
}
