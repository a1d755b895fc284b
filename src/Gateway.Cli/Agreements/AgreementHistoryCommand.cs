using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements history ID</c>: every status change and amendment (each changed field before and after) with who, when and why.</summary>
public static class AgreementHistoryCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context) => AgreementReportCommand.Create(
        context, "history", "Show an agreement's status changes and amendments: who, when, what, why",
        (dataSource, id, cancellationToken) => new AgreementStore(dataSource).HistoryAsync(id, cancellationToken), AgreementsText.History);
}
