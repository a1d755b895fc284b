using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements list [--status S]</c>.</summary>
public static class ListAgreementsCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var status = new Option<AgreementStatus?>("--status")
        {
            Description = "Only agreements in this status",
            HelpName = string.Join('|', Enum.GetNames<AgreementStatus>()),
            CustomParser = result => ValueParsers.Enum<AgreementStatus>(result),
        };
        var command = new Command("list", "List agreements, oldest first") { status };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource => run.Output.Result(
                await new AgreementStore(dataSource).ListAgreementsAsync(parseResult.GetValue(status), cancellationToken), AgreementsText.Agreements));
        });
        return command;
    }
}
