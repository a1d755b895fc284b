using System.Diagnostics;
using Gateway.Benchmarks.Report;
using Gateway.Data.Database;
using Gateway.Data.Supervision;
using Npgsql;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// The supervision scale run (--supervision-scale): a private durable PostgreSQL with the gateway's schema, the authorities
/// and their agreements, then for each size in turn the data basis grown to it (<see cref="SupervisionSeeder"/>) and the
/// supervision scenarios measured on it (<see cref="SupervisionScenarios"/>); the report goes to the console, to
/// docs/performance.md and, as JSON, beside it. PostgreSQL is stopped and its folder deleted at the end, also on failure,
/// unless --keep-data named a folder to keep.
/// </summary>
internal sealed class SupervisionScaleRun(BenchmarkOptions options, TextWriter output, TextWriter error)
{
    // The supervision calls of a large authority take longer than the pool's default of 30 s before they are made fast.
    private const int CommandTimeoutSeconds = 900;

    public async Task<IReadOnlyList<ScalePoint>> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBeforeRun = MachineDescription.LoadAverage();
        output.WriteLine($"Load average before the run: {loadBeforeRun} (other work on these cores distorts every figure)");
        var kept = options.KeepDataDirectory is not null;
        var folder = kept ? Directory.CreateDirectory(options.KeepDataDirectory!) : Directory.CreateTempSubdirectory("gateway-supervision-scale-");
        try
        {
            output.WriteLine($"Starting a durable embedded PostgreSQL in {folder.FullName}{(kept ? " (kept afterwards)" : "")}");
            await using var postgres = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = folder.FullName, Durable = true }, cancellationToken);
            var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { CommandTimeout = CommandTimeoutSeconds }.ConnectionString;
            await using var database = NpgsqlDataSource.Create(connectionString);
            await using var gatewayData = GatewayDataSource.Create(connectionString);

            var migrating = Stopwatch.StartNew();
            var applied = await SchemaMigrator.ApplyAsync(gatewayData, cancellationToken);
            output.WriteLine($"  migrations applied: {(applied.Count == 0 ? "none pending" : string.Join(", ", applied))} in {migrating.Elapsed.TotalSeconds:0.0} s");
            await ItemsShapeCheck.RunAsync(connectionString, cancellationToken);
            CitizenCourses.CheckCprNumbers();
            output.WriteLine("  items shape check: seeded items equal what RegistrationStore writes");
            var authorities = await ScaleAuthorities.OpenAsync(gatewayData, database, cancellationToken);

            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var courses = new CitizenCourses(authorities, today.AddYears(-3), today.AddDays(-1), now);
            // The last whole calendar year: inside the three years of the basis, with history before it and after it.
            var (from, to) = (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31));
            var seeder = new SupervisionSeeder(database, connectionString, authorities, courses, Path.Combine(folder.FullName, "seed-next-citizen"), error);
            var points = new List<ScalePoint>();
            foreach (var size in options.SupervisionScale)
            {
                output.WriteLine($"Size {size:N0}: growing the data basis");
                var step = await seeder.GrowToAsync(size, options.SeedIndexes, cancellationToken);
                if (step is not null)
                {
                    output.WriteLine($"  seeded {step.Registrations:N0} registrations ({step.Versions:N0} versions) of {step.Citizens:N0} citizens: generated in " +
                        $"{step.GenerateSeconds:0.0} s, loaded in {step.LoadSeconds:0.0} s ({step.Registrations / step.LoadSeconds:N0}/s), facts {step.FactSeconds:0.0} s, indexes {step.IndexSeconds:0.0} s, " +
                        $"vacuum analyze {step.VacuumSeconds:0.0} s");
                }

                // A fresh pool for every size, so the first run of each scenario opens its connection as a first call does.
                await using var measured = GatewayDataSource.Create(connectionString);
                var scenarios = new SupervisionScenarios(new SupervisionStore(measured, TimeProvider.System), authorities, from, to, today, output);
                var times = await scenarios.MeasureAsync(cancellationToken);
                points.Add(await PointAsync(database, size, step, times, cancellationToken));
            }

            var report = new ScaleReport(
                startedAt, await SourceVersion.DescribeAsync(cancellationToken), await MachineDescription.CollectAsync(database, loadBeforeRun, cancellationToken),
                options, authorities, from, to, today, points, CommandTimeoutSeconds);
            output.WriteLine();
            output.Write(report.ToText());
            if (options.Write)
            {
                var path = options.OutputPath ?? PerformanceDocument.DefaultPath();
                await PerformanceDocument.AppendAsync(path, report.ToMarkdownSection(), cancellationToken);
                var json = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "performance-supervision-scale.json");
                await File.WriteAllTextAsync(json, report.ToJson(), cancellationToken);
                output.WriteLine($"Appended the results to {path}, and wrote them as JSON to {json}");
            }

            output.WriteLine("Stopping PostgreSQL");
            return points;
        }
        finally
        {
            if (!kept)
            {
                Delete(folder);
            }
        }
    }

    private static async Task<ScalePoint> PointAsync(NpgsqlDataSource database, long size, SeedStep? step, IReadOnlyList<ScenarioTimes> times, CancellationToken cancellationToken)
    {
        await using var count = database.CreateCommand("""
            select (select count(*) from registration), (select count(*) from registration_version), (select count(*) from access_log),
                   (select count(distinct cpr) from registration), pg_database_size(current_database())
            """);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ScalePoint(size, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), step, times);
    }

    private void Delete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"Could not delete {folder.FullName}: {ex.Message}");
        }
    }
}
