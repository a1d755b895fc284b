using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Systems;

/// <summary><c>gatewayctl systems list</c>.</summary>
public static class ListSystemsCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List the registered IT systems");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource =>
                run.Output.Result(await new ItSystemStore(dataSource).ListItSystemsAsync(cancellationToken), SystemsText.ItSystems));
        });
        return command;
    }
}
