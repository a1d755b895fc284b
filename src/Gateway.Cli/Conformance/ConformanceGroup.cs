using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Data.Database;

namespace Gateway.Cli.Conformance;

/// <summary><c>gatewayctl conformance</c>: where IT systems stand on the conformance scenarios, which gate Production.</summary>
public static class ConformanceGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("conformance", "Conformance of IT systems in the Test environment, which Production agreements wait for")
        {
            ConformanceStatusCommand.Create(context),
            ResetConformanceCommand.Create(context),
            ConformanceDrillsCommand.Create(context),
        };

    /// <summary>The IT system argument.</summary>
    public static Argument<Guid> SystemArgument() => new("SYSTEM")
    {
        Description = "The IT system's id (`gatewayctl systems list`)",
        CustomParser = ValueParsers.Id,
    };

    /// <summary>Runs <paramref name="work"/> for the IT system <paramref name="id"/>, or refuses an id no IT system has.</summary>
    public static async Task<int> ForSystemAsync(
        CommandRun run, GatewayDataSource dataSource, Guid id, Func<ItSystemRecord, Task<int>> work, CancellationToken cancellationToken) =>
        await new ItSystemStore(dataSource).FindItSystemAsync(id, cancellationToken) is { } system
            ? await work(system)
            : run.Output.Refuse($"No IT system {id}; `gatewayctl systems list` shows the registered ones.");
}
