using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.CaseWorkers;

/// <summary><c>gatewayctl caseworkers</c>: the personal client certificates case workers sign in to the registration tool with.</summary>
public static class CaseWorkersGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("caseworkers", "Case workers of the registration tool: their personal certificates, authority and case-worker id")
        {
            AddCaseWorkerCommand.Create(context),
            ListCaseWorkersCommand.Create(context),
            RevokeCaseWorkerCommand.Create(context),
        };
}
