using System.Diagnostics;
using System.Globalization;
using Gateway.Benchmarks.Hosting;
using Gateway.Benchmarks.Load;
using Gateway.Benchmarks.Report;
using Gateway.Benchmarks.Requests;
using Gateway.Benchmarks.Supervision;
using Gateway.Contracts;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Npgsql;

namespace Gateway.Benchmarks.Scale;

/// <summary>
/// The gateway scale run (--scale): a private durable PostgreSQL with the gateway's schema and the supervision run's
/// authorities, then for each size in turn the data basis grown to it with the same binary COPY (registrations, versions and
/// one access-log entry per version), the seeded entries sealed into the hash chain as the gateway's sealer would, the real
/// gateway hosted on that database, and its reads and writes measured: GetContactCourse and GetInterview of seeded
/// citizens and registrations, RegisterInterview, and ListRegistrations of a seeded municipality's feed. The gateway is
/// stopped while the basis grows, so that its sealer does not race the load.
/// </summary>
internal sealed class GatewayScaleRun(BenchmarkOptions options, TextWriter output, TextWriter error)
{
    private const int CommandTimeoutSeconds = 900;

    // The seeded registrations and citizens the read scenarios cycle through, drawn at random at each size.
    private const int Sampled = 2000;

    // Sealing is what the gateway's background sealer does a batch at a time; ten times its batch, to seal millions sooner.
    private const int SealBatch = 10 * AccessLogSealer.DefaultBatchSize;

    // Walking the chain costs about as much as sealing it; above this many entries the run leaves it to `gatewayctl audit verify`.
    private const long VerifyUpTo = 2_000_000;

    // The load client's own agreement for the mid-size municipality, so ListRegistrations reads a seeded feed.
    private static readonly Guid FeedAgreementId = new("0f5a4db0-c5e0-4a11-8d00-00000000fe0d");

    public const string Read = "GetContactCourse";
    public const string Interview = "GetInterview";
    public const string Register = "RegisterInterview";
    public const string List = "ListRegistrations (pages of 100)";

    public async Task<IReadOnlyList<GatewayScalePoint>> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBeforeRun = MachineDescription.LoadAverage();
        output.WriteLine($"Load average before the run: {loadBeforeRun} (other work on these cores distorts every figure)");
        var kept = options.KeepDataDirectory is not null;
        var folder = kept ? Directory.CreateDirectory(options.KeepDataDirectory!) : Directory.CreateTempSubdirectory("gateway-scale-");
        try
        {
            output.WriteLine($"Starting a durable embedded PostgreSQL in {folder.FullName}{(kept ? " (kept afterwards)" : "")}");
            await using var postgres = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = folder.FullName, Durable = true }, cancellationToken);
            var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { CommandTimeout = CommandTimeoutSeconds }.ConnectionString;
            await using var database = NpgsqlDataSource.Create(connectionString);
            await using var gatewayData = GatewayDataSource.Create(connectionString);
            var postmasterPid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "pgdata", "postmaster.pid"), cancellationToken))[0],
                CultureInfo.InvariantCulture);

            var applied = await SchemaMigrator.ApplyAsync(gatewayData, cancellationToken);
            output.WriteLine($"  migrations applied: {(applied.Count == 0 ? "none pending" : string.Join(", ", applied))}");
            await ItemsShapeCheck.RunAsync(connectionString, cancellationToken);
            CitizenCourses.CheckCprNumbers();
            var authorities = await ScaleAuthorities.OpenAsync(gatewayData, database, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var courses = new CitizenCourses(authorities, today.AddYears(-3), today.AddDays(-1), now);
            var seeder = new SupervisionSeeder(database, connectionString, authorities, courses, Path.Combine(folder.FullName, "seed-next-citizen"), error);
            var feed = authorities.MidSize;

            using var certificates = BenchCertificates.Create(Path.Combine(folder.FullName, "certificates"));
            var envelopes = SoapEnvelopes.ForToday(TimeProvider.System);
            var feedPages = SoapEnvelopes.ListRegistrationsAs(FeedAgreementId, feed.Kind, feed.Authority.Code);
            var points = new List<GatewayScalePoint>();
            foreach (var (size, index) in options.GatewayScale.Select((s, i) => (s, i)))
            {
                output.WriteLine($"Size {size:N0}: growing the data basis");
                var step = await seeder.GrowToAsync(size, options.SeedIndexes, cancellationToken);
                if (step is not null)
                {
                    output.WriteLine($"  seeded {step.Registrations:N0} registrations ({step.Versions:N0} versions, as many access-log entries) of {step.Citizens:N0} citizens " +
                        $"in {step.TotalSeconds:0.0} s (load {step.LoadSeconds:0.0} s)");
                }

                // Seeded entries are ordinary unsealed entries (COPY gives them their transaction's xid); sealed here, before the
                // gateway starts, so that its background sealer is not busy with millions of them while it is measured.
                var sealing = Stopwatch.StartNew();
                var sealedEntries = await new AccessLogSealer(gatewayData, SealBatch).SealAsync(cancellationToken);
                sealing.Stop();
                output.WriteLine($"  sealed {sealedEntries:N0} access-log entries into the chain in {sealing.Elapsed.TotalSeconds:0.0} s");

                var (ids, cprs) = await SampleAsync(database, cancellationToken);
                var results = new List<ScenarioResult>();
                await using (var gateway = await GatewayServer.StartAsync(connectionString, GatewayEnvironment.Production, certificates, cancellationToken,
                    [(FeedAgreementId, feed.Authority, feed.Name)]))
                using (var load = new ClosedLoopLoad(new LoadSettings(
                    options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds), options.MaxRequests), certificates))
                {
                    var reads = cprs.Select(envelopes.GetContactCourseTemplate.With).ToArray();
                    var interviews = ids.Select(SoapEnvelopes.GetInterview).ToArray();
                    // Citizens apart at each size (a thousand birth dates further on), so no size repeats another's numbers.
                    var citizens = new CprSequence(new DateOnly(1930, 1, 1).AddDays(1000 * index));
                    LoadScenario[] scenarios =
                    [
                        Cycle(Read, gateway.Endpoint, ContactCourseActions.GetContactCourse, reads),
                        Cycle(Interview, gateway.Endpoint, ContactCourseActions.GetInterview, interviews),
                        new(Register, () => SoapRequest.Post(gateway.Endpoint, ContactCourseActions.RegisterInterview, envelopes.RegisterInterviewTemplate.With(citizens.Next()))),
                        new(List, () => new RegistrationFeedReader(gateway.Endpoint, feedPages)),
                    ];
                    if (index == 0)
                    {
                        // The first size would otherwise be measured partly on code the JIT has not optimized yet: on two cores a
                        // scenario's warm-up is too short for the tiers, and the first size cost 2-3 times the CPU per request of the
                        // second on the same basis (docs/performance.md, "A scale run's first size").
                        output.WriteLine("  warming up the process's code: one unmeasured round of the scenarios");
                        foreach (var scenario in scenarios)
                        {
                            await load.RunAsync(scenario, cancellationToken);
                        }
                    }

                    foreach (var scenario in scenarios)
                    {
                        results.Add(await MeasureAsync(load, size, scenario, postmasterPid, cancellationToken));
                    }
                }

                var chain = await VerifyAsync(gatewayData, database, cancellationToken);
                points.Add(await PointAsync(database, size, step, sealedEntries, sealing.Elapsed.TotalSeconds, chain, results, cancellationToken));
            }

            var report = new GatewayScaleReport(
                startedAt, await SourceVersion.DescribeAsync(cancellationToken), await SourceVersion.CommitAsync(cancellationToken),
                await MachineDescription.CollectAsync(database, loadBeforeRun, cancellationToken), options, feed, points);
            output.WriteLine();
            output.Write(report.ToText());
            if (options.Write)
            {
                var path = options.OutputPath ?? PerformanceDocument.DefaultPath();
                await PerformanceDocument.AppendAsync(path, report.ToMarkdownSection(), cancellationToken);
                var json = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "performance-scale.json");
                await File.WriteAllTextAsync(json, report.ToRecord().ToJson(), cancellationToken);
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

    private async Task<ScenarioResult> MeasureAsync(ClosedLoopLoad load, long size, LoadScenario scenario, int postmasterPid, CancellationToken cancellationToken)
    {
        await load.ProbeAsync(scenario, cancellationToken);
        var before = CpuSample.Take(postmasterPid);
        var result = await load.RunAsync(scenario, cancellationToken, () => CpuSample.Take(postmasterPid)) with { OtherCores = CpuSample.OtherCores(before, CpuSample.Take(postmasterPid)) };
        output.WriteLine($"  {size,12:N0}  {scenario.Name,-34} {result.RequestsPerSecond,8:N0} req/s  p50 {result.P50Milliseconds,7:0.00} ms  " +
            $"p99 {result.P99Milliseconds,7:0.00} ms  errors {result.Errors}  other CPU {result.OtherCores:0.00}" +
            (result.Cpu is { } cpu ? $"  CPU/request {cpu.ProcessMilliseconds:0.00} + {cpu.PostgresMilliseconds:0.00} ms" : "") +
            (result.Entries > 0 ? $"  {result.EntriesPerSecond:N0} entries/s" : ""));
        return result;
    }

    private static LoadScenario Cycle(string name, Uri endpoint, string action, byte[][] bodies)
    {
        var next = -1L;
        return new(name, () => SoapRequest.Post(endpoint, action, bodies[Interlocked.Increment(ref next) % bodies.Length]));
    }

    // Registrations and citizens drawn at random from the whole basis, so the reads touch old and new pages alike; the
    // load client's agreement reads all citizens, so every one of them may be read.
    private static async Task<(Guid[] Ids, string[] Cprs)> SampleAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(Sampled);
        var cprs = new List<string>(Sampled);
        await using var command = database.CreateCommand($"select id, cpr from registration order by random() limit {Sampled}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
            cprs.Add(reader.GetString(1));
        }

        return ids.Count > 0 ? ([.. ids], [.. cprs.Distinct(StringComparer.Ordinal)])
            : throw new InvalidOperationException("The seeded basis has no registrations to read.");
    }

    // After the gateway stopped (its sealer sealed what the scenarios wrote): the chain from link 1, seeded links and the
    // gateway's own alike, unless the log is too long to walk within the run.
    private async Task<ChainCheck> VerifyAsync(GatewayDataSource gatewayData, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await new AccessLogSealer(gatewayData, SealBatch).SealAsync(cancellationToken);
        await using var count = database.CreateCommand("select count(*) from access_log");
        var entries = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (entries > VerifyUpTo)
        {
            output.WriteLine($"  access-log chain not verified here ({entries:N0} entries); `gatewayctl audit verify` walks it");
            return new ChainCheck(false, false, 0, 0, 0, null);
        }

        var walking = Stopwatch.StartNew();
        var verification = await new AccessLogVerifier(gatewayData).VerifyAsync(null, cancellationToken);
        walking.Stop();
        output.WriteLine($"  access-log chain: {(verification.Intact ? "intact" : "BROKEN")}, {verification.EntriesVerified:N0} links verified, " +
            $"{verification.NotYetSealed:N0} not yet sealed, in {walking.Elapsed.TotalSeconds:0.0} s");
        return new ChainCheck(true, verification.Intact, verification.EntriesVerified, verification.NotYetSealed, walking.Elapsed.TotalSeconds,
            verification.FirstBreak?.ToString());
    }

    private static async Task<GatewayScalePoint> PointAsync(
        NpgsqlDataSource database, long size, SeedStep? step, long sealedEntries, double sealSeconds, ChainCheck chain, IReadOnlyList<ScenarioResult> results,
        CancellationToken cancellationToken)
    {
        await using var count = database.CreateCommand("""
            select (select count(*) from registration), (select count(*) from registration_version), (select count(*) from access_log),
                   pg_database_size(current_database())
            """);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new GatewayScalePoint(size, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), step, sealedEntries, sealSeconds, chain, results);
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
