using Gateway.Cli.Output;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.CaseWorkers;

/// <summary>The <c>caseworkers</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class CaseWorkersText
{
    /// <summary><c>caseworkers add</c>.</summary>
    public static void CaseWorker(TextWriter writer, RegisteredCaseWorker caseWorker) => HumanText.Fields(writer,
        ("Thumbprint", caseWorker.Thumbprint),
        ("Authority", caseWorker.Authority.ToString()),
        ("Case worker", caseWorker.CaseWorkerId),
        ("Subject", caseWorker.Subject),
        ("Valid", $"{HumanText.Time(caseWorker.NotBefore)} to {HumanText.Time(caseWorker.NotAfter)}"),
        ("Added", $"{HumanText.Time(caseWorker.AddedAt)} by {caseWorker.AddedBy}"),
        ("State", State(caseWorker)));

    /// <summary><c>caseworkers revoke</c>.</summary>
    public static void Revoked(TextWriter writer, RegisteredCaseWorker caseWorker) =>
        writer.WriteLine(PrintableText.Escape(
            $"Revoked certificate {caseWorker.Thumbprint} of case worker {caseWorker.CaseWorkerId} ({caseWorker.Authority}); the registration tool refuses it from its next request on."));

    /// <summary><c>caseworkers list</c>.</summary>
    public static void CaseWorkers(TextWriter writer, IReadOnlyList<RegisteredCaseWorker> caseWorkers)
    {
        var table = new TextTable("THUMBPRINT", "AUTHORITY", "CASE WORKER", "NOT AFTER", "STATE", "ADDED", "REVOKED", "SUBJECT");
        foreach (var c in caseWorkers)
        {
            table.Add(c.Thumbprint, c.Authority.ToString(), c.CaseWorkerId, HumanText.Time(c.NotAfter), State(c),
                $"{HumanText.Time(c.AddedAt)} by {c.AddedBy}",
                c.RevokedAt is { } at ? $"{HumanText.Time(at)} by {c.RevokedBy}: {c.RevokedReason}" : "-",
                c.Subject);
        }

        table.WriteTo(writer, "No case workers; register one with `gatewayctl caseworkers add`.");
    }

    private static string State(RegisteredCaseWorker c) =>
        c.Revoked ? "revoked" : c.NotAfter < DateTimeOffset.UtcNow ? "expired" : c.NotBefore > DateTimeOffset.UtcNow ? "not yet valid" : "valid";
}
