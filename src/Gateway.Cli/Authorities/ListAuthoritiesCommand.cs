using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Authorities;

/// <summary><c>gatewayctl authorities list</c>.</summary>
public static class ListAuthoritiesCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List the registered authorities");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource =>
                run.Output.Result(await new AuthorityStore(dataSource).ListAuthoritiesAsync(cancellationToken), AuthoritiesText.Authorities));
        });
        return command;
    }
}
