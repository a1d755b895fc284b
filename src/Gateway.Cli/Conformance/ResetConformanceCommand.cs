using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Conformance;

namespace Gateway.Cli.Conformance;

/// <summary>
/// <c>gatewayctl conformance reset SYSTEM --reason TEXT</c>: starts the system's judgement again, say after a new
/// release of it. The calls so far are kept and no longer count; the reset is recorded with who and why.
/// </summary>
public static class ResetConformanceCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var system = ConformanceGroup.SystemArgument();
        var reason = new Option<string>("--reason") { Description = "Why, recorded with the reset", HelpName = "TEXT", Required = true, CustomParser = ValueParsers.Reason };
        var command = new Command("reset", "Start an IT system's conformance judgement again; the calls so far no longer count") { system, reason };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var id = parseResult.GetValue(system);
            return run.WithDatabaseAsync(dataSource => ConformanceGroup.ForSystemAsync(run, dataSource, id, async _ =>
            {
                var store = new ConformanceStore(dataSource);
                await store.ResetAsync(id, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken);
                return run.Output.Result((await store.LastResetAsync(id, cancellationToken))!, (writer, _) =>
                    writer.WriteLine($"Conformance of IT system {id} starts again: its calls so far no longer count. Production agreements for it wait until it passes again."));
            }, cancellationToken));
        });
        return command;
    }
}
