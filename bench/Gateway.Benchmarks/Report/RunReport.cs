using System.Globalization;
using System.Text;
using Gateway.Benchmarks.Load;

namespace Gateway.Benchmarks.Report;

/// <summary>The results of one run, for the console and as a dated section of docs/performance.md.</summary>
internal sealed class RunReport(
    DateTimeOffset startedAt, string source, MachineDescription machine, BenchmarkOptions options, IReadOnlyList<ScenarioResult> results,
    IReadOnlyList<Comparison> comparisons, RunFacts facts)
{
    private const string RatiosTitle = "Gateway ÷ baseline (throughput below 1 and latency above 1 mean the gateway is slower):";

    /// <summary>The code measured, as the section states it.</summary>
    public string Source => source;

    public MachineDescription Machine => machine;

    /// <summary>The ratios of the comparisons both of whose scenarios ran, for the run record.</summary>
    public IReadOnlyList<Records.RatioFigures> RatioFigures() =>
        [.. comparisons.Select(c => (c, r: c.Ratios(results))).Where(x => x.r is not null)
            .Select(x => new Records.RatioFigures(x.c.Gateway, x.c.Baseline, x.r!.Value.Throughput, x.r.Value.P50, x.r.Value.P99))];

    public string ToText() =>
        $"{Results().ToText()}\n{RatiosTitle}\n{Ratios().ToText()}\n{Notes()}";

    public string ToMarkdownSection()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Run of {startedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Code: {source}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Memory} memory, {machine.OperatingSystem}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Software: {machine.DotNet} ({machine.Gc}), PostgreSQL {machine.PostgreSql} ({machine.Durability})");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average before the run (1/5/15 min): {machine.LoadBeforeRun}; above 0 means other work shared the cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Parameters: {Parameters()}");
        text.AppendLine();
        text.Append(Results().ToMarkdown());
        text.AppendLine();
        text.AppendLine(RatiosTitle);
        text.AppendLine();
        text.Append(Ratios().ToMarkdown());
        text.AppendLine();
        text.Append(Notes());
        return text.ToString();
    }

    private string Parameters() =>
        $"{options.Concurrency} concurrent workers, {Seconds(options.WarmupSeconds)} s warm-up then {Seconds(options.DurationSeconds)} s measured per scenario" +
        $"{(options.Quick ? " (--quick smoke run)" : "")}, at most {options.MaxRequests:N0} measured requests per scenario, " +
        "database pool 16 (gateway and INSERT baseline); load client, servers and PostgreSQL share the machine's cores";

    private TextTable Results()
    {
        var table = new TextTable("Scenario", "Requests/s", "p50 ms", "p99 ms", "Requests", "Errors", "Other CPU", "CPU ms/request: benchmark + PostgreSQL");
        foreach (var r in results)
        {
            table.Add(r.Name, r.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture), Milliseconds(r.P50Milliseconds),
                Milliseconds(r.P99Milliseconds), r.Requests.ToString("N0", CultureInfo.InvariantCulture), r.Errors.ToString(CultureInfo.InvariantCulture),
                r.OtherCores is { } other ? other.ToString("0.00", CultureInfo.InvariantCulture) : "-",
                r.Cpu is { } cpu ? string.Create(CultureInfo.InvariantCulture, $"{cpu.ProcessMilliseconds:0.00} + {cpu.PostgresMilliseconds:0.00}") : "-");
        }

        return table;
    }

    private TextTable Ratios()
    {
        var table = new TextTable("Gateway scenario", "Baseline", "Requests/s", "p50", "p99");
        foreach (var comparison in comparisons)
        {
            if (comparison.Ratios(results) is { } ratio)
            {
                table.Add(comparison.Gateway, comparison.Baseline, Ratio(ratio.Throughput), Ratio(ratio.P50), Ratio(ratio.P99));
            }
        }

        return table;
    }

    private string Notes()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- Other CPU: cores (of {machine.Cores}) that processes outside the benchmark used during the scenario, warm-up included; above about 0.1 the figure is disturbed. CPU ms/request: CPU time per successful request in the measured window, of the benchmark's process (load client and servers) and of its PostgreSQL (background duties included); other work disturbs it far less than requests/s.");
        foreach (var note in ScenarioNotes.For(results, facts))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        foreach (var r in results.Where(r => r.Errors > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Name}: {r.Errors} failed requests; the first: {Flatten(r.FirstError)}");
        }

        foreach (var r in results.Where(r => r.Shed > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {r.Name}: {r.Shed:N0} further requests were shed with Server.Busy ({(r.Seconds > 0 ? r.Shed / r.Seconds : 0):N0}/s); their clients sent the next request at once. Requests/s, p50 and p99 are those of the calls let in.");
        }

        foreach (var r in results.Where(r => r.Capped))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Name}: stopped at --max-requests before the measurement time was up.");
        }

        foreach (var r in results.Where(r => r.RanOut))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {r.Name}: ran out of prepared requests after {r.Seconds:0.0} s of the measurement time; the figure is over that time.");
        }

        return text.ToString();
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Milliseconds(double value) => double.IsNaN(value) ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Flatten(string? text) => (text ?? "").ReplaceLineEndings(" ");
}
