using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements usage ID</c>: calls and faults per operation and day, for which the authority answers.</summary>
public static class AgreementUsageCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var id = AgreementsGroup.IdArgument();
        var command = new Command("usage", "Show an agreement's calls per operation, day and outcome, newest day first") { id };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new AdministrationStore(dataSource);
                return await store.GetAgreementAsync(agreementId, cancellationToken) is null
                    ? run.Output.Refuse(AgreementsGroup.Unknown(agreementId))
                    : run.Output.Result(await store.UsageAsync(agreementId, cancellationToken), HumanText.Usage);
            });
        });
        return command;
    }
}
