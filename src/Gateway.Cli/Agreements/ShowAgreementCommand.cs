using System.CommandLine;
using System.Text.Json;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary>
/// <c>gatewayctl agreements show ID</c>: the agreement, and any change of it an operator let past the conformance gate
/// (with <c>--json</c>, the agreement's fields and <c>conformanceOverrides</c>).
/// </summary>
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
            {
                var store = new AgreementStore(dataSource);
                if (await store.GetAgreementAsync(agreementId, cancellationToken) is not { } agreement)
                {
                    return run.Output.Refuse(AgreementsGroup.Unknown(agreementId));
                }

                var overrides = (await store.HistoryAsync(agreementId, cancellationToken)).Where(h => h.ConformanceOverride is not null).ToList();
                var shown = JsonSerializer.SerializeToNode(agreement, JsonFormat.Options)!.AsObject();
                shown["conformanceOverrides"] = JsonSerializer.SerializeToNode(overrides, JsonFormat.Options);
                return run.Output.Result(shown, (writer, _) => AgreementsText.Agreement(writer, agreement, overrides));
            });
        });
        return command;
    }
}
