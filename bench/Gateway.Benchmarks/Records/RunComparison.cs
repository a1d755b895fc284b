using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gateway.Benchmarks.Records;

/// <summary>
/// <c>--compare A.json B.json</c>: the scenarios of two run records side by side, one line each, tab-separated with a
/// header line (A, B and B/A for requests/s, p50, p99 and the CPU per request of the benchmark's process and of its
/// PostgreSQL, then both error counts), numbers in the invariant culture
/// without grouping, so that <c>cut</c>, <c>awk</c> or a spreadsheet read it as it stands. A scenario only one of the
/// runs has gets "-" for the other's figures; the order is A's, then those only B has.
/// </summary>
internal static class RunComparison
{
    public static readonly string[] Columns =
        ["scenario", "a_rps", "b_rps", "rps_b/a", "a_p50_ms", "b_p50_ms", "p50_b/a", "a_p99_ms", "b_p99_ms", "p99_b/a",
         "a_cpu_ms", "b_cpu_ms", "cpu_b/a", "a_pg_cpu_ms", "b_pg_cpu_ms", "pg_cpu_b/a", "a_errors", "b_errors"];

    /// <summary>Reads the scenarios of a run record; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static IReadOnlyList<ScenarioFigures> Read(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("scenarios", out var scenarios) || scenarios.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path} has no \"scenarios\" list; give a file the benchmark wrote to docs/performance-runs (or a scale or soak JSON).");
            }

            return scenarios.EnumerateArray().Select(s => new ScenarioFigures(
                s.GetProperty("name").GetString() ?? "",
                Number(s, "requestsPerSecond"), Number(s, "p50Milliseconds"), Number(s, "p99Milliseconds"),
                (long)Number(s, "requests"), (long)Number(s, "errors"), null)
            {
                ProcessCpuMillisecondsPerRequest = Number(s, "processCpuMillisecondsPerRequest"),
                PostgresCpuMillisecondsPerRequest = Number(s, "postgresCpuMillisecondsPerRequest"),
            }).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a run record the benchmark wrote: {ex.Message}", ex);
        }
    }

    /// <summary>The table, header line first.</summary>
    public static string Table(IReadOnlyList<ScenarioFigures> a, IReadOnlyList<ScenarioFigures> b)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join('\t', Columns));
        var names = a.Select(s => s.Name).Concat(b.Select(s => s.Name)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var x = a.FirstOrDefault(s => s.Name == name);
            var y = b.FirstOrDefault(s => s.Name == name);
            text.AppendLine(string.Join('\t', (string[])[
                name,
                Value(x?.RequestsPerSecond), Value(y?.RequestsPerSecond), Ratio(x?.RequestsPerSecond, y?.RequestsPerSecond),
                Value(x?.P50Milliseconds), Value(y?.P50Milliseconds), Ratio(x?.P50Milliseconds, y?.P50Milliseconds),
                Value(x?.P99Milliseconds), Value(y?.P99Milliseconds), Ratio(x?.P99Milliseconds, y?.P99Milliseconds),
                Value(x?.ProcessCpuMillisecondsPerRequest), Value(y?.ProcessCpuMillisecondsPerRequest),
                Ratio(x?.ProcessCpuMillisecondsPerRequest, y?.ProcessCpuMillisecondsPerRequest),
                Value(x?.PostgresCpuMillisecondsPerRequest), Value(y?.PostgresCpuMillisecondsPerRequest),
                Ratio(x?.PostgresCpuMillisecondsPerRequest, y?.PostgresCpuMillisecondsPerRequest),
                x?.Errors.ToString(CultureInfo.InvariantCulture) ?? "-", y?.Errors.ToString(CultureInfo.InvariantCulture) ?? "-"]));
        }

        return text.ToString();
    }

    // A number, or NaN where the run had none (written as "NaN" or null).
    private static double Number(JsonElement scenario, string name) =>
        scenario.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        } : double.NaN;

    private static string Value(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? a, double? b) =>
        a is { } x && b is { } y && double.IsFinite(x) && double.IsFinite(y) && x != 0 ? (y / x).ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
