using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.Systems;

/// <summary><c>gatewayctl systems</c>: the IT systems (case systems) that call the gateway.</summary>
public static class SystemsGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("systems", "IT systems that call the gateway")
        {
            AddSystemCommand.Create(context),
            ListSystemsCommand.Create(context),
        };
}
