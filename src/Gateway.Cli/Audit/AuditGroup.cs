using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.Audit;

/// <summary><c>gatewayctl audit</c>: the tamper-evident access log (domain.md § 6): verify its chain, seal it, show who accessed a citizen's data.</summary>
public static class AuditGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("audit", "The access log: who accessed which citizen's data, and its hash chain")
        {
            VerifyAuditCommand.Create(context),
            ShowAuditCommand.Create(context),
            SealAuditCommand.Create(context),
        };
}
