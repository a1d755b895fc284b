using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Conformance;

namespace Gateway.Cli.Conformance;

/// <summary>
/// <c>gatewayctl conformance status SYSTEM</c>: each scenario that applies to the system's agreements, passed, failed
/// or not yet, with the call ids that decided it and what to do next.
/// </summary>
public static class ConformanceStatusCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var system = ConformanceGroup.SystemArgument();
        var command = new Command("status", "Show where an IT system stands on the conformance scenarios") { system };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var id = parseResult.GetValue(system);
            return run.WithDatabaseAsync(dataSource => ConformanceGroup.ForSystemAsync(run, dataSource, id, async found =>
            {
                var status = await new ConformanceStanding(dataSource).StatusAsync(id, found.Name, cancellationToken);
                return run.Output.Result(status, ConformanceText.Status);
            }, cancellationToken));
        });
        return command;
    }
}
