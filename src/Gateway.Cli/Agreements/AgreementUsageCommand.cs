using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements usage ID</c>: calls and faults per operation and day, for which the authority answers.</summary>
public static class AgreementUsageCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context) => AgreementReportCommand.Create(
        context, "usage", "Show an agreement's calls per operation, day and outcome, newest day first",
        (dataSource, id, cancellationToken) => new UsageStore(dataSource).UsageAsync(id, cancellationToken), AgreementsText.Usage);
}
