using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements show ID</c>.</summary>
public static class ShowAgreementCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var id = AgreementsGroup.IdArgument();
        var command = new Command("show", "Show one agreement") { id };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            return run.WithDatabaseAsync(async dataSource =>
                await new AgreementStore(dataSource).GetAgreementAsync(agreementId, cancellationToken) is { } agreement
                    ? run.Output.Result(agreement, AgreementsText.Agreement)
                    : run.Output.Refuse(AgreementsGroup.Unknown(agreementId)));
        });
        return command;
    }
}
