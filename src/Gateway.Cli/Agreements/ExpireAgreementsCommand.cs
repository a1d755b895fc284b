using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary>
/// <c>gatewayctl agreements expire</c>: turns Active agreements whose end date has passed (in Danish time) Expired, as
/// the gateway also does by itself; the history records the change as made by <c>gateway</c>.
/// </summary>
public static class ExpireAgreementsCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("expire", "Turn Active agreements past their end date Expired (the gateway also does this by itself)");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var today = run.Today;
            return run.WithDatabaseAsync(async dataSource => run.Output.Result(
                new ExpiryResult(today, await new AgreementStore(dataSource).ExpireDueAsync(today, run.Operator, cancellationToken)), AgreementsText.Expiry));
        });
        return command;
    }
}
