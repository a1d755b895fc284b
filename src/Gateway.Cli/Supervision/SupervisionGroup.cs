using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.Supervision;

/// <summary><c>gatewayctl supervision</c>: the figures of visitationstilsyn (domain.md § 9) for an authority and a period.</summary>
public static class SupervisionGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("supervision", "Supervision figures (visitationstilsyn) per authority and period")
        {
            SupervisionReportCommand.Create(context),
            SupervisionOverviewCommand.Create(context),
        };
}
