using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Conformance;
using Gateway.Domain.Conformance;

namespace Gateway.Cli.Conformance;

/// <summary>
/// <c>gatewayctl conformance drills SYSTEM on|off --reason TEXT</c>: whether the Test environment misbehaves on purpose
/// for the IT system (<see cref="ConformanceDrills"/>), so that it can pass the scenarios that need it. Recorded with who
/// and why; takes effect on the system's next Test call. Production never runs a drill.
/// </summary>
public static class ConformanceDrillsCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var system = ConformanceGroup.SystemArgument();
        var state = new Argument<string>("STATE") { Description = "on or off" };
        state.AcceptOnlyFromAmong("on", "off");
        var reason = new Option<string>("--reason") { Description = "Why, recorded with the switch", HelpName = "TEXT", Required = true, CustomParser = ValueParsers.Reason };
        var command = new Command("drills", "Switch the Test environment's conformance drills on or off for an IT system") { system, state, reason };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var id = parseResult.GetValue(system);
            var on = parseResult.GetRequiredValue(state) == "on";
            return run.WithDatabaseAsync(dataSource => ConformanceGroup.ForSystemAsync(run, dataSource, id, async _ =>
            {
                await new ConformanceStore(dataSource).SwitchDrillsAsync(id, on, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken);
                return run.Output.Result(new { itSystemId = id, drills = on }, (writer, _) => writer.WriteLine(on
                    ? $"Drills are on for IT system {id}: its next Test calls meet them (LostAnswer, StaleVersion, Outage), one at a time, until it passes their scenarios."
                    : $"Drills are off for IT system {id}: the Test environment answers it as it answers everyone."));
            }, cancellationToken));
        });
        return command;
    }
}
