using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Data.Database;

namespace Gateway.Cli.Agreements;

/// <summary>A command that reads one thing about one existing agreement: <c>gatewayctl agreements NAME ID</c>.</summary>
public static class AgreementReportCommand
{
    /// <summary>The command; an unknown agreement id is refused (exit 1).</summary>
    public static Command Create<T>(
        CliContext context, string name, string description,
        Func<GatewayDataSource, Guid, CancellationToken, Task<T>> read, Action<TextWriter, T> human)
    {
        var id = AgreementsGroup.IdArgument();
        var command = new Command(name, description) { id };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            return run.WithDatabaseAsync(async dataSource =>
            {
                return await new AgreementStore(dataSource).GetAgreementAsync(agreementId, cancellationToken) is null
                    ? run.Output.Refuse(AgreementsGroup.Unknown(agreementId))
                    : run.Output.Result(await read(dataSource, agreementId, cancellationToken), human);
            });
        });
        return command;
    }
}
