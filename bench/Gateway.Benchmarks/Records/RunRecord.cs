using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Benchmarks.Load;
using Gateway.Benchmarks.Report;

namespace Gateway.Benchmarks.Records;

/// <summary>
/// The machine-readable form of one run's results, written beside the Markdown section so that runs can be compared by a
/// script (<c>--compare A.json B.json</c>) instead of by reading tables. Every kind of run (load, scale, soak) writes a
/// <see cref="Scenarios"/> list of the same shape, so one comparison reads them all.
/// </summary>
internal sealed record RunRecord
{
    /// <summary>load, scale or soak.</summary>
    public required string Kind { get; init; }

    public required DateTimeOffset Run { get; init; }

    /// <summary>The short commit hash, or "unknown".</summary>
    public required string Commit { get; init; }

    /// <summary>The commit as the Markdown section states it, with uncommitted changes in src/ noted.</summary>
    public required string Code { get; init; }

    public required MachineDescription Machine { get; init; }

    /// <summary>The options the run was made with, as given on the command line or defaulted.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    public required IReadOnlyList<ScenarioFigures> Scenarios { get; init; }

    public IReadOnlyList<RatioFigures> Ratios { get; init; } = [];

    /// <summary>What the kind of run adds (a scale run's seeding, a soak's samples); any JSON value.</summary>
    public object? Details { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A scenario without a measured request has no percentiles; NaN is not JSON, so it is written as a string.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The file name of a run record: UTC time of the run, then the commit, so that a folder lists in order.</summary>
    public string FileName() => string.Create(CultureInfo.InvariantCulture, $"{Run.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Kind}-{Commit}.json");

    /// <summary>Writes the record into <paramref name="folder"/> (made if missing); returns the path written.</summary>
    public async Task<string> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName());
        await File.WriteAllTextAsync(path, ToJson(), cancellationToken);
        return path;
    }

    /// <summary>docs/performance-runs beside the document <paramref name="documentPath"/>.</summary>
    public static string FolderBeside(string documentPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(documentPath))!, "performance-runs");

    /// <summary>The figures of a load scenario.</summary>
    public static ScenarioFigures Figures(ScenarioResult r) => new(
        r.Name, r.RequestsPerSecond, r.P50Milliseconds, r.P99Milliseconds, r.Requests, r.Errors, r.OtherCores)
    {
        Shed = r.Shed,
        EntriesPerSecond = r.Entries > 0 ? r.EntriesPerSecond : null,
        FirstError = r.FirstError,
        ProcessCpuMillisecondsPerRequest = r.Cpu?.ProcessMilliseconds,
        PostgresCpuMillisecondsPerRequest = r.Cpu?.PostgresMilliseconds,
    };
}

/// <summary>One scenario's figures in a <see cref="RunRecord"/>.</summary>
internal sealed record ScenarioFigures(
    string Name, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests, long Errors, double? OtherCores)
{
    public long Shed { get; init; }

    public double? EntriesPerSecond { get; init; }

    public string? FirstError { get; init; }

    /// <summary>CPU time of the benchmark's process per successful request, ms (runs before 2026-12-04 have none).</summary>
    public double? ProcessCpuMillisecondsPerRequest { get; init; }

    /// <summary>CPU time of the benchmark's PostgreSQL per successful request, ms.</summary>
    public double? PostgresCpuMillisecondsPerRequest { get; init; }
}

/// <summary>A gateway scenario divided by its baseline, in a <see cref="RunRecord"/>.</summary>
internal sealed record RatioFigures(string Gateway, string Baseline, double Throughput, double P50, double P99);
