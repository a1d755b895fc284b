using System.Globalization;
using System.Text;
using System.Text.Json;
using Gateway.Benchmarks.Report;

namespace Gateway.Benchmarks.Supervision;

/// <summary>The results of one supervision scale run, for the console, as a dated section of docs/performance.md, and as JSON.</summary>
internal sealed class ScaleReport(
    DateTimeOffset startedAt, string source, MachineDescription machine, BenchmarkOptions options, ScaleAuthorities authorities, DateOnly from, DateOnly to,
    DateOnly today, IReadOnlyList<ScalePoint> points, int commandTimeoutSeconds)
{
    public string ToText() => $"{Curve().ToText()}\n{Notes()}";

    public string ToMarkdownSection()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Supervision at scale, run of {startedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Code: {source}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Memory} memory, {machine.OperatingSystem}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Software: {machine.DotNet} ({machine.Gc}), PostgreSQL {machine.PostgreSql} ({machine.Durability}, the embedded server's default settings)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average before the run (1/5/15 min): {machine.LoadBeforeRun}; above 0 means other work shared the cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Parameters: {Parameters()}");
        text.AppendLine();
        text.Append(Curve().ToMarkdown());
        text.AppendLine();
        text.Append(Notes());
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        run = startedAt,
        code = source,
        machine,
        period = new { from, to },
        overdueAsOf = today,
        midSize = new { authorities.MidSize.Authority.Code, authorities.MidSize.Name },
        largest = new { authorities.Largest.Authority.Code, authorities.Largest.Name },
        seedIndexes = options.SeedIndexes.ToString(),
        points = points.Select(p => new
        {
            p.TargetRegistrations,
            p.Registrations,
            p.Versions,
            p.AccessLogEntries,
            p.Citizens,
            p.DatabaseBytes,
            seed = p.Seed,
            scenarios = p.Scenarios.Select(s => new { s.Name, s.FirstMilliseconds, s.P50Milliseconds, s.MaxMilliseconds, runs = s.Milliseconds, s.Answer }),
        }),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private string Parameters() =>
        $"sizes {string.Join(", ", options.SupervisionScale.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} registrations, grown in that order; " +
        $"indexes {(options.SeedIndexes == SeedIndexes.Keep ? "kept in place during each load" : "dropped before each load and made again after it")}; " +
        $"reports and overview for {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, overdue lists as of {today:yyyy-MM-dd}; " +
        $"mid-size municipality {authorities.MidSize.Name} ({authorities.MidSize.Authority.Code}), largest {authorities.Largest.Name} ({authorities.Largest.Authority.Code}); " +
        $"command timeout {commandTimeoutSeconds} s";

    // One row per measure, one column per size: the scale curve.
    private TextTable Curve()
    {
        var table = new TextTable(["Measure", .. points.Select(p => p.TargetRegistrations.ToString("N0", CultureInfo.InvariantCulture))]);
        table.Add(Row("registrations / versions / access-log entries", p => $"{p.Registrations:N0} / {p.Versions:N0} / {p.AccessLogEntries:N0}"));
        table.Add(Row("citizens", p => $"{p.Citizens:N0}"));
        table.Add(Row("seed: generate + load + facts + indexes + vacuum analyze, s", p => p.Seed is { } s
            ? $"{s.GenerateSeconds:0} + {s.LoadSeconds:0} + {s.FactSeconds:0} + {s.IndexSeconds:0} + {s.VacuumSeconds:0} = {s.TotalSeconds:0}"
            : "kept from an earlier run"));
        table.Add(Row("load rate, registrations/s", p => p.Seed is { } s ? $"{s.Registrations / s.LoadSeconds:N0}" : "-"));
        table.Add(Row("database size", p => $"{p.DatabaseBytes / 1024.0 / 1024 / 1024:0.00} GiB"));
        foreach (var (name, i) in points[0].Scenarios.Select((s, i) => (s.Name, i)))
        {
            table.Add(Row($"{name}: p50 / max (first), ms", p => p.Scenarios.Count > i
                ? $"{Ms(p.Scenarios[i].P50Milliseconds)} / {Ms(p.Scenarios[i].MaxMilliseconds)} ({Ms(p.Scenarios[i].FirstMilliseconds)})"
                : "-"));
        }

        return table;
    }

    private string[] Row(string measure, Func<ScalePoint, string> cell) =>
        [measure, .. points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{cell(p)}"))];

    private string Notes()
    {
        var text = new StringBuilder();
        text.AppendLine("- Each scenario ran up to 10 times (the largest municipality and the overdue list of the largest 5, the overview 3), or until 150 s were spent; p50 and max are over the runs after the first, which is given in brackets.");
        var last = points[^1];
        text.AppendLine(CultureInfo.InvariantCulture, $"- What the scenarios answered at {last.TargetRegistrations:N0}:");
        foreach (var s in last.Scenarios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {s.Name}: {s.Answer}");
        }

        return text.ToString();
    }

    private static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);
}
