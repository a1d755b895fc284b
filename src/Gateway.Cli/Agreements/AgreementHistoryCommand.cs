using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements history ID</c>: every status change with who, when and why.</summary>
public static class AgreementHistoryCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var id = AgreementsGroup.IdArgument();
        var command = new Command("history", "Show an agreement's status changes: who, when, why") { id };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new AdministrationStore(dataSource);
                return await store.GetAgreementAsync(agreementId, cancellationToken) is null
                    ? run.Output.Refuse(AgreementsGroup.Unknown(agreementId))
                    : run.Output.Result(await store.HistoryAsync(agreementId, cancellationToken), HumanText.History);
            });
        });
        return command;
    }
}
