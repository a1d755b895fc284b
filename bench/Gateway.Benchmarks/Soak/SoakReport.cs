using System.Globalization;
using System.Text;
using Gateway.Benchmarks.Records;
using Gateway.Benchmarks.Report;

namespace Gateway.Benchmarks.Soak;

/// <summary>The results of one soak, for the console, as a dated section of docs/performance.md, and as a run record.</summary>
internal sealed class SoakReport
{
    private readonly DateTimeOffset _startedAt;
    private readonly string _source;
    private readonly string _commit;
    private readonly MachineDescription _machine;
    private readonly BenchmarkOptions _options;
    private readonly double _rate;
    private readonly double? _peak;
    private readonly double _seconds;
    private readonly IReadOnlyList<ProcessSample> _samples;
    private readonly IReadOnlyList<(string Operation, long Requests, double P50, double P99, long Errors)> _operations;
    private readonly long _shed;
    private readonly long _skipped;
    private readonly string? _firstError;

    public SoakReport(
        DateTimeOffset startedAt, string source, string commit, MachineDescription machine, BenchmarkOptions options, double rate, double? peak, double seconds,
        OpenLoopLoad load, IReadOnlyList<ProcessSample> samples)
    {
        (_startedAt, _source, _commit, _machine, _options, _rate, _peak, _seconds, _samples) = (startedAt, source, commit, machine, options, rate, peak, seconds, samples);
        _operations = [.. load.Operations.Select(o => (o.Operation, o.Latencies.Count, o.Latencies.Percentile(0.5), o.Latencies.Percentile(0.99), o.Errors))];
        (_shed, _skipped, _firstError) = (load.Shed, load.Skipped, load.FirstError);
        Trend = SoakTrend.Of(samples);
    }

    public SoakTrend Trend { get; }

    /// <summary>Failed calls, all operations.</summary>
    public long Errors => _operations.Sum(o => o.Errors);

    public string ToText() => $"{Operations().ToText()}\n{Samples().ToText()}\n{Notes()}";

    public string ToMarkdownSection()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Soak, run of {_startedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Code: {_source}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {_machine.Cores} cores ({_machine.Cpu}), {_machine.Memory} memory, {_machine.OperatingSystem}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Software: {_machine.DotNet} ({_machine.Gc}), PostgreSQL {_machine.PostgreSql} ({_machine.Durability})");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average before the run (1/5/15 min): {_machine.LoadBeforeRun}; above 0 means other work shared the cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Parameters: {Parameters()}");
        text.AppendLine();
        text.Append(Operations().ToMarkdown());
        text.AppendLine();
        text.Append(Samples().ToMarkdown());
        text.AppendLine();
        text.Append(Notes());
        return text.ToString();
    }

    public RunRecord ToRecord() => new()
    {
        Kind = "soak",
        Run = _startedAt,
        Commit = _commit,
        Code = _source,
        Machine = _machine,
        Options = new SortedDictionary<string, string>(_options.Describe(), StringComparer.Ordinal)
        {
            ["soak"] = _options.SoakMinutes.ToString(CultureInfo.InvariantCulture),
            ["rate"] = _rate.ToString("0.#", CultureInfo.InvariantCulture),
            ["soak-connections"] = _options.SoakConnections.ToString(CultureInfo.InvariantCulture),
        },
        Scenarios = [.. _operations.Select(o => new ScenarioFigures($"soak {o.Operation}", o.Requests / _seconds, o.P50, o.P99, o.Requests, o.Errors, null))],
        Details = new
        {
            rate = _rate,
            peak = _peak,
            seconds = _seconds,
            shed = _shed,
            skipped = _skipped,
            firstError = _firstError,
            trend = new { Trend.Judged, Trend.RssFlat, Trend.OpenFilesFlat, Trend.ThreadsFlat, Trend.FirstRssMiB, Trend.LastRssMiB, Trend.FirstOpenFiles, Trend.LastOpenFiles, Trend.FirstThreads, Trend.LastThreads },
            samples = _samples,
        },
    };

    private string Parameters() =>
        string.Create(CultureInfo.InvariantCulture, $"{_options.SoakMinutes} min open loop at {_rate:N0} calls/s ") +
        (_peak is { } peak
            ? string.Create(CultureInfo.InvariantCulture, $"(half the mix's closed-loop peak of {peak:N0} calls/s, {_options.Concurrency} workers)")
            : "(--rate)") +
        "; mix per 20 calls: 6 RegisterInterview, 7 GetContactCourse, 2 CorrectInterview, 2 ListRegistrations (first page of 100), 3 Ping; " +
        string.Create(CultureInfo.InvariantCulture, $"a sample every {SoakRun.Window.TotalSeconds:0} s; at most {OpenLoopLoad.MaxInFlight} calls unanswered at once, over at most {_options.SoakConnections} connections");

    private TextTable Operations()
    {
        var table = new TextTable("Operation", "Calls", "Calls/s", "p50 ms", "p99 ms", "Errors");
        foreach (var o in _operations)
        {
            table.Add(o.Operation, o.Requests.ToString("N0", CultureInfo.InvariantCulture), (o.Requests / _seconds).ToString("N1", CultureInfo.InvariantCulture),
                Ms(o.P50), Ms(o.P99), o.Errors.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private TextTable Samples()
    {
        var table = new TextTable("At s", "RSS MiB", "Open files", "Threads", "GC heap MiB", "Calls", "p99 ms", "Errors");
        foreach (var s in _samples)
        {
            table.Add(s.AtSeconds.ToString("0", CultureInfo.InvariantCulture), s.RssMiB.ToString("0.0", CultureInfo.InvariantCulture),
                s.OpenFiles.ToString(CultureInfo.InvariantCulture), s.Threads.ToString(CultureInfo.InvariantCulture), s.GcHeapMiB.ToString("0.0", CultureInfo.InvariantCulture),
                s.Requests.ToString(CultureInfo.InvariantCulture), Ms(s.P99Milliseconds), s.Errors.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private string Notes()
    {
        var text = new StringBuilder();
        text.AppendLine(Trend.Judged
            ? string.Create(CultureInfo.InvariantCulture,
                $"- Trend, mean of the last third of the samples against the first third: RSS {Trend.FirstRssMiB:0.0} → {Trend.LastRssMiB:0.0} MiB ({Flat(Trend.RssFlat)}), open files {Trend.FirstOpenFiles:0.0} → {Trend.LastOpenFiles:0.0} ({Flat(Trend.OpenFilesFlat)}), threads {Trend.FirstThreads:0.0} → {Trend.LastThreads:0.0} ({Flat(Trend.ThreadsFlat)}).")
            : "- Fewer than three samples: too short to judge whether memory and handles stay flat.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- The gateway runs in the benchmark's process, so RSS, files and threads include the load client (its latency counts are fixed-size histograms and its queue of registrations to correct holds at most {MixedOperations.MaxToCorrect:N0}, so it stays under a MiB); latencies are from when each call was due, and percentiles are within 2 %.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Errors {Errors:N0}, shed with Server.Busy {_shed:N0}, not sent because {OpenLoopLoad.MaxInFlight} were unanswered {_skipped:N0}.");
        if (_firstError is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- The first error: {_firstError.ReplaceLineEndings(" ")}");
        }

        return text.ToString();
    }

    private static string Flat(bool flat) => flat ? "flat" : "GROWING";

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture);
}
