using System.Globalization;
using System.Text;
using Gateway.Benchmarks.Records;
using Gateway.Benchmarks.Report;
using Gateway.Benchmarks.Supervision;

namespace Gateway.Benchmarks.Scale;

/// <summary>The results of one gateway scale run, for the console, as a dated section of docs/performance.md, and as a run record.</summary>
internal sealed class GatewayScaleReport(
    DateTimeOffset startedAt, string source, string commit, MachineDescription machine, BenchmarkOptions options, ScaleAuthorities.Responsible feed,
    IReadOnlyList<GatewayScalePoint> points)
{
    public string ToText() => $"{Curve().ToText()}\n{Notes()}";

    public string ToMarkdownSection()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Gateway at scale, run of {startedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Code: {source}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Memory} memory, {machine.OperatingSystem}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Software: {machine.DotNet} ({machine.Gc}), PostgreSQL {machine.PostgreSql} ({machine.Durability})");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average before the run (1/5/15 min): {machine.LoadBeforeRun}; above 0 means other work shared the cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Parameters: {Parameters()}");
        text.AppendLine();
        text.Append(Curve().ToMarkdown());
        text.AppendLine();
        text.Append(Notes());
        return text.ToString();
    }

    /// <summary>The run record: one scenario per size and operation, named "size: operation", so --compare lines them up.</summary>
    public RunRecord ToRecord() => new()
    {
        Kind = "scale",
        Run = startedAt,
        Commit = commit,
        Code = source,
        Machine = machine,
        Options = new SortedDictionary<string, string>(options.Describe(), StringComparer.Ordinal)
        {
            ["scale"] = string.Join(',', options.GatewayScale.Select(s => s.ToString(CultureInfo.InvariantCulture))),
            ["seed-indexes"] = options.SeedIndexes.ToString().ToLowerInvariant(),
        },
        Scenarios = [.. points.SelectMany(p => p.Scenarios.Select(s => RunRecord.Figures(s with { Name = $"{p.TargetRegistrations}: {s.Name}" })))],
        Details = new
        {
            feed = new { feed.Authority.Code, feed.Name },
            points = points.Select(p => new
            {
                p.TargetRegistrations, p.Registrations, p.Versions, p.AccessLogEntries, p.DatabaseBytes, seed = p.Seed,
                seal = new { entries = p.SealedEntries, seconds = p.SealSeconds }, chain = p.Chain,
            }),
        },
    };

    private string Parameters() =>
        $"sizes {string.Join(", ", options.GatewayScale.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} registrations, grown in that order with binary COPY " +
        $"(each version with its access-log entry; indexes {(options.SeedIndexes == SeedIndexes.Keep ? "kept in place" : "dropped and made again")}), the seeded entries sealed into the " +
        $"chain before the gateway started; {options.Concurrency} workers, {options.WarmupSeconds.ToString(CultureInfo.InvariantCulture)} s warm-up then " +
        $"{options.DurationSeconds.ToString(CultureInfo.InvariantCulture)} s per scenario; ListRegistrations reads {feed.Name} ({feed.Authority.Code})";

    private TextTable Curve()
    {
        var table = new TextTable(["Measure", .. points.Select(p => p.TargetRegistrations.ToString("N0", CultureInfo.InvariantCulture))]);
        table.Add(Row("registrations / versions / access-log entries", p => $"{p.Registrations:N0} / {p.Versions:N0} / {p.AccessLogEntries:N0}"));
        table.Add(Row("seed: generate + load + facts + indexes + vacuum analyze, s", p => p.Seed is { } s
            ? $"{s.GenerateSeconds:0} + {s.LoadSeconds:0} + {s.FactSeconds:0} + {s.IndexSeconds:0} + {s.VacuumSeconds:0} = {s.TotalSeconds:0}"
            : "kept from an earlier run"));
        table.Add(Row("sealing the seeded entries, s (entries/s)", p => p.SealedEntries > 0 && p.SealSeconds > 0 ? $"{p.SealSeconds:0.0} ({p.SealedEntries / p.SealSeconds:N0})" : "none to seal"));
        table.Add(Row("database size", p => $"{p.DatabaseBytes / 1024.0 / 1024 / 1024:0.00} GiB"));
        foreach (var (name, i) in points[0].Scenarios.Select((s, i) => (s.Name, i)))
        {
            table.Add(Row($"{name}: req/s, p50 / p99 ms", p => p.Scenarios.Count > i
                ? $"{p.Scenarios[i].RequestsPerSecond:N0}, {Ms(p.Scenarios[i].P50Milliseconds)} / {Ms(p.Scenarios[i].P99Milliseconds)}"
                : "-"));
        }

        table.Add(Row("access-log chain after the run", p => !p.Chain.Checked ? "not walked (too long)"
            : p.Chain.Intact ? $"intact, {p.Chain.Verified:N0} links" : $"BROKEN: {p.Chain.FirstBreak}"));
        return table;
    }

    private string[] Row(string measure, Func<GatewayScalePoint, string> cell) =>
        [measure, .. points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{cell(p)}"))];

    private string Notes()
    {
        var text = new StringBuilder();
        text.AppendLine("- GetContactCourse and GetInterview cycle through 2,000 registrations (and their citizens) drawn at random from the whole basis at each size; the load client's agreement reads all citizens. RegisterInterview registers new citizens; ListRegistrations follows NextCursor through the seeded municipality's feed under an agreement of the load client's own for it.");
        text.AppendLine("- Every seeded version has the access-log entry the gateway would have written; the entries are sealed with AccessLogSealer before the gateway starts, and the chain is walked after the gateway has stopped (up to 2,000,000 entries).");
        foreach (var p in points)
        {
            foreach (var r in p.Scenarios.Where(r => r.Errors > 0))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {p.TargetRegistrations:N0}, {r.Name}: {r.Errors} failed requests; the first: {(r.FirstError ?? "").ReplaceLineEndings(" ")}");
            }

            foreach (var r in p.Scenarios.Where(r => r.OtherCores > 0.1))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {p.TargetRegistrations:N0}, {r.Name}: other processes used {r.OtherCores:0.00} cores meanwhile; distrust the figure.");
            }
        }

        return text.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture);
}
