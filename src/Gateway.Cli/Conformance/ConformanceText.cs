using Gateway.Cli.Output;
using Gateway.Data.Conformance;

namespace Gateway.Cli.Conformance;

/// <summary>The <c>conformance</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class ConformanceText
{
    /// <summary><c>conformance status</c>.</summary>
    public static void Status(TextWriter writer, ConformanceStatus status)
    {
        var missing = status.Scenarios.Count(s => s.Required && s.State != "Passed");
        writer.WriteLine($"IT system {status.ItSystemId} ({PrintableText.Escape(status.ItSystem)}), conformance catalogue {status.Catalogue} (contract {status.ContractVersion}): "
            + (status.Certified ? "certified; every required scenario is passed." : $"not certified; {missing} required scenario(s) not passed."));
        writer.WriteLine(status.Drills
            ? "Drills: on (the Test environment misbehaves on purpose for the scenarios that need it)."
            : "Drills: off. The scenarios retry.lost-answer, conflict.stale-version and reconcile.outage need them: `gatewayctl conformance drills SYSTEM on --reason ...`.");
        if (status.LastReset is { } reset)
        {
            writer.WriteLine($"Judged on calls since the reset of {HumanText.Time(reset.ResetAt)} by {reset.ResetBy}: {reset.Reason}");
        }

        writer.WriteLine();
        var table = new TextTable("SCENARIO", "STATE", "REQUIRED", "AT", "EVIDENCE (CALL IDS)", "NOTE OR NEXT STEP");
        foreach (var s in status.Scenarios)
        {
            table.Add(s.Id, s.State, s.Required ? "yes" : "no", s.At is { } at ? HumanText.Time(at) : "-",
                s.Evidence.Count == 0 ? "-" : PrintableText.Escape(string.Join(", ", s.Evidence)), s.Note ?? s.NextStep ?? "-");
        }

        table.WriteTo(writer, "No scenario applies: the IT system has no requested, active or suspended agreement.");
    }
}
