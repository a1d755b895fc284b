using Gateway.Cli.Output;
using Gateway.Data.AccessLog;

namespace Gateway.Cli.Audit;

/// <summary>The <c>audit</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class AuditText
{
    /// <summary><c>audit verify</c>.</summary>
    public static void Verification(TextWriter writer, AccessLogVerification result)
    {
        writer.WriteLine(result.Intact ? "The access log's chain is intact." : "The access log's chain is BROKEN.");
        var fields = new List<(string, string)>();
        if (result.FirstBreak is { } broken)
        {
            fields.Add(("First break", $"link {broken.Seq}, entry {broken.EntryId?.ToString() ?? "unknown"}: {broken.Kind}"));
            fields.Add(("", broken.Description));
        }

        fields.Add(("Verified", Entries(result.EntriesVerified) + (result.Intact ? "" : ", up to the break")));
        fields.Add(("Not yet sealed", Entries(result.NotYetSealed)));
        fields.Add(("Head", result.Head is { } head ? $"{head.Seq}:{head.Hash}{(result.Intact ? "" : " (the last intact link)")}" : "none (no link yet)"));
        HumanText.Fields(writer, [.. fields]);
        if (result.Intact && result.Head is { } intactHead)
        {
            writer.WriteLine($"Record the head outside the database; later, `gatewayctl audit verify --head {intactHead.Seq}:{intactHead.Hash}` checks that it still holds.");
        }
    }

    /// <summary><c>audit seal</c>.</summary>
    public static void Sealed(TextWriter writer, SealResult result) => writer.WriteLine(result.Sealed == 0
        ? "Nothing to seal: every settled entry is sealed already (or a running gateway is sealing right now)."
        : $"Sealed {Entries(result.Sealed)}.");

    /// <summary><c>audit show --cpr</c>: the heading names the citizen masked; the rows do not repeat it.</summary>
    public static void CitizenAccess(TextWriter writer, CitizenAccessReport report)
    {
        if (report.Entries.Count == 0)
        {
            writer.WriteLine($"No access to the data of citizen {report.Cpr} is recorded.");
            return;
        }

        writer.WriteLine($"Access to the data of citizen {report.Cpr}: {Entries(report.Entries.Count)}, oldest first");
        var table = new TextTable("TIME", "OPERATION", "OUTCOME", "AGREEMENT", "IT SYSTEM", "AUTHORITY", "PRINCIPAL", "CASE WORKER", "CALL ID");
        foreach (var e in report.Entries)
        {
            table.Add(HumanText.Time(e.RecordedAt), e.Operation, e.Outcome, e.AgreementId.ToString(),
                e.ItSystemName ?? e.ItSystemId.ToString(), e.Authority, e.Principal ?? "-", e.CaseWorkerId, e.CallId);
        }

        table.WriteTo(writer, "");
    }

    private static string Entries(long count) => count == 1 ? "1 entry" : $"{count} entries";
}
