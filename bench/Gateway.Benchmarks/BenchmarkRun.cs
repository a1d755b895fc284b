using System.Diagnostics;
using System.Globalization;
using Gateway.Benchmarks.Baselines;
using Gateway.Benchmarks.Hosting;
using Gateway.Benchmarks.Load;
using Gateway.Benchmarks.Report;
using Gateway.Benchmarks.Requests;
using Gateway.Benchmarks.Records;
using Gateway.Benchmarks.Sealing;
using Gateway.Benchmarks.Telemetry;
using Gateway.Contracts;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Npgsql;

namespace Gateway.Benchmarks;

/// <summary>
/// One run: a private durable PostgreSQL, the gateway and the baselines on loopback, the scenarios one after
/// another, the report. Everything started here is stopped here, also when the run fails or is cancelled.
/// </summary>
internal sealed class BenchmarkRun(BenchmarkOptions options, TextWriter output)
{
    private const string FixedGet = "fixed XML GET";
    private const string FixedPost = "fixed XML POST";
    private const string BarePing = "bare SOAP Ping";
    private const string BareRegister = "bare SOAP RegisterInterview";
    private const string InsertRegister = "bare SOAP + INSERT RegisterInterview";
    private const string TlsBarePing = "bare SOAP Ping, mTLS";
    private const string TlsInsertRegister = "bare SOAP + INSERT RegisterInterview, mTLS";
    private const string GatewayPing = "gateway Ping, mTLS + authorization";

    // The same calls on a gateway of the Test environment, which records every call for conformance before answering it.
    private const string TestPing = "Test gateway Ping (recorded for conformance)";
    private const string TestRegister = "Test gateway RegisterInterview (recorded for conformance)";

    // The scenarios the report's notes explain (ScenarioNotes). GatewayList's name states RegistrationPageRequests.PageSize.
    internal const string GatewayRegister = "gateway RegisterInterview, mTLS + authorization";
    internal const string GatewayRead = "gateway GetContactCourse, mTLS + authorization";
    internal const string GatewayCorrect = "gateway CorrectInterview, mTLS + authorization";
    internal const string GatewayList = "gateway ListRegistrations (pages of 100), mTLS + authorization";
    internal const string GatewayOverload = "gateway RegisterInterview, 512 callers (overload)";

    // Far more callers than the database pool (16) and the working places with their queue (64 + 64): the load stage sheds.
    private const int OverloadCallers = 512;

    // The citizens read by GetContactCourse, and how many registrations each has.
    private const int Citizens = 200;
    private const int RegistrationsPerCitizen = 3;

    private static readonly Comparison[] Comparisons =
    [
        new(GatewayRegister, BareRegister),
        new(GatewayRegister, InsertRegister),
        new(GatewayRegister, FixedPost),
        new(GatewayRegister, TlsInsertRegister),
        new(GatewayPing, BarePing),
        new(GatewayPing, TlsBarePing),
        new(GatewayPing, FixedPost),
        new(TlsBarePing, BarePing),
        new(GatewayRead, FixedPost),
        new(GatewayCorrect, TlsInsertRegister),
        new(GatewayList, FixedPost),
        new(TestPing, GatewayPing),
        new(TestRegister, GatewayRegister),
        new(GatewayOverload, GatewayRegister),
    ];

    private readonly List<ScenarioResult> _results = [];
    private readonly List<AccessLogWrites> _accessLogWrites = [];
    private NpgsqlDataSource? _database;
    private int _postmasterPid;

    /// <summary>Runs every scenario, prints the report and, unless told not to, appends it to the document.</summary>
    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBeforeRun = MachineDescription.LoadAverage();
        output.WriteLine($"Load average before the run: {loadBeforeRun} (other work on these cores distorts every figure)");
        var folder = Directory.CreateTempSubdirectory("gateway-bench-");
        try
        {
            output.WriteLine($"Starting a durable embedded PostgreSQL in {folder.FullName}");
            await using var postgres = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = folder.FullName, Durable = true }, cancellationToken);
            await using var database = new NpgsqlDataSourceBuilder(postgres.ConnectionString) { ConnectionStringBuilder = { MaxPoolSize = 16 } }.Build();
            await using (var create = database.CreateCommand(InsertingContactCourseService.CreateTable))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            _database = database;

            // The server's first line of postmaster.pid is its pid; its children are the rest of PostgreSQL.
            _postmasterPid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "pgdata", "postmaster.pid"), cancellationToken))[0]);

            output.WriteLine("Starting the gateway and the baselines on 127.0.0.1");
            using var certificates = BenchCertificates.Create(Path.Combine(folder.FullName, "certificates"));
            await using var otlp = options.Otlp ? await OtlpSink.StartAsync(cancellationToken) : null;
            // The management listener on a port known beforehand only when it is scraped (GatewayServer's is any free one).
            var managementPort = options.ScrapeSeconds is null ? (int?)null : LoopbackHost.FreePort();
            var telemetry = new Dictionary<string, string?>();
            if (managementPort is { } port)
            {
                telemetry["Gateway:Management:Url"] = $"http://127.0.0.1:{port}";
            }

            if (otlp is not null)
            {
                telemetry["Gateway:Telemetry:OtlpEndpoint"] = otlp.Address;
            }

            await using var gateway = await GatewayServer.StartAsync(postgres.ConnectionString, GatewayEnvironment.Production, certificates, cancellationToken, settings: telemetry);
            await using var scraper = options.ScrapeSeconds is { } every
                ? MetricsScraper.Start(new Uri($"http://127.0.0.1:{managementPort}/metrics"), TimeSpan.FromSeconds(every))
                : null;
            await using var fixedXml = await FixedXmlServer.StartAsync(cancellationToken);
            await using var bare = await BareSoapServer.StartAsync<CannedContactCourseService>(_ => { }, cancellationToken);
            await using var inserting = await BareSoapServer.StartAsync<InsertingContactCourseService>(s => s.AddSingleton(database), cancellationToken);
            await using var tlsBare = await BareSoapServer.StartAsync<CannedContactCourseService>(_ => { }, cancellationToken, certificates);
            await using var tlsInserting = await BareSoapServer.StartAsync<InsertingContactCourseService>(s => s.AddSingleton(database), cancellationToken, certificates);

            var envelopes = SoapEnvelopes.ForToday(TimeProvider.System);
            using var load = new ClosedLoopLoad(new LoadSettings(
                options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds), options.MaxRequests), certificates);
            output.WriteLine($"Interviews held on {envelopes.HeldOn:yyyy-MM-dd}; {options.Concurrency} workers, " +
                $"{options.WarmupSeconds.ToString(CultureInfo.InvariantCulture)} s warm-up + {options.DurationSeconds.ToString(CultureInfo.InvariantCulture)} s per scenario");

            await MeasureAsync(load, new(FixedGet, () => new HttpRequestMessage(HttpMethod.Get, fixedXml.Endpoint)), cancellationToken);
            await MeasureAsync(load, Register(FixedPost, fixedXml.Endpoint, envelopes), cancellationToken);
            await MeasureAsync(load, Ping(BarePing, bare.Endpoint, envelopes), cancellationToken);
            await MeasureAsync(load, Register(BareRegister, bare.Endpoint, envelopes), cancellationToken);
            await MeasureAsync(load, Register(InsertRegister, inserting.Endpoint, envelopes), cancellationToken);
            await MeasureAsync(load, Ping(TlsBarePing, tlsBare.Endpoint, envelopes), cancellationToken);
            await MeasureAsync(load, Register(TlsInsertRegister, tlsInserting.Endpoint, envelopes), cancellationToken);
            await MeasureAsync(load, Ping(GatewayPing, gateway.Endpoint, envelopes), cancellationToken);
            var registerResult = await MeasureAsync(load, Register(GatewayRegister, gateway.Endpoint, envelopes), cancellationToken);
            var citizens = await RegisterCitizensAsync(load, gateway.Endpoint, envelopes, options.Concurrency, output, cancellationToken);
            await AnalyzeAsync(database, cancellationToken);
            await MeasureAsync(load, Read(GatewayRead, gateway.Endpoint, envelopes, citizens), cancellationToken);

            // The scenarios added with corrections and the reconciliation feed come after the earlier ones, so that
            // those run on the same data as before and their figures stand beside the earlier runs'.
            var preparation = new CorrectionPreparation(load, database, gateway.Endpoint, envelopes, options, output);
            var toCorrect = await preparation.PrepareAsync(registerResult.RequestsPerSecond, citizens, cancellationToken);
            await MeasureAsync(load, Correct(GatewayCorrect, gateway.Endpoint, envelopes, toCorrect), cancellationToken);
            var feedVersions = await FeedVersionsAsync(database, cancellationToken);
            await MeasureAsync(load, new(GatewayList, () => new RegistrationFeedReader(gateway.Endpoint, envelopes.ListRegistrations)), cancellationToken);

            // Overload: the calls let in keep their latency; the rest are shed at once with Server.Busy.
            using (var overload = new ClosedLoopLoad(new LoadSettings(
                OverloadCallers, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds), options.MaxRequests), certificates))
            {
                await MeasureAsync(overload, Register(GatewayOverload, gateway.Endpoint, envelopes), cancellationToken);
            }

            // The cost of conformance observation: a second gateway, of the Test environment, on a database of its own.
            await using (var testGateway = await GatewayServer.StartAsync(
                await SecondDatabaseAsync(database, postgres.ConnectionString, cancellationToken), GatewayEnvironment.Test, certificates, cancellationToken))
            {
                await MeasureAsync(load, Ping(TestPing, testGateway.Endpoint, envelopes), cancellationToken);
                await MeasureAsync(load, Register(TestRegister, testGateway.Endpoint, envelopes), cancellationToken);
            }

            // Stopped first, so that its background sealer does not take turns with the one timed here; its last export is
            // sent as it stops.
            output.WriteLine("  stopping the gateway, then timing one pass of the access-log sealer");
            if (scraper is not null)
            {
                await scraper.DisposeAsync();
            }

            await gateway.DisposeAsync();
            var telemetryFacts = TelemetryFacts(otlp, scraper);
            if (telemetryFacts is not null)
            {
                output.WriteLine($"  {telemetryFacts}");
            }

            var sealer = await SealerMeasurement.MeasureAsync(database, postgres.ConnectionString, cancellationToken);
            output.WriteLine($"  sealed {sealer.Entries:N0} {(sealer.FreshBatch ? "freshly recorded" : "of the run's")} access-log entries in " +
                $"{sealer.Seconds:0.00} s: {sealer.EntriesPerSecond:N0} entries/s");

            var facts = new RunFacts
            {
                RegistrationsToCorrect = toCorrect.Count,
                RegisteredToCorrect = preparation.Registered,
                FeedVersions = feedVersions,
                AccessLogWrites = _accessLogWrites,
                Telemetry = telemetryFacts,
                Sealer = sealer,
            };
            var report = new RunReport(
                startedAt, await SourceVersion.DescribeAsync(cancellationToken), await MachineDescription.CollectAsync(database, loadBeforeRun, cancellationToken),
                options, _results, Comparisons, facts);
            output.WriteLine();
            output.Write(report.ToText());
            if (options.Write)
            {
                var path = options.OutputPath ?? PerformanceDocument.DefaultPath();
                await PerformanceDocument.AppendAsync(path, report.ToMarkdownSection(), cancellationToken);
                var record = await new RunRecord
                {
                    Kind = "load",
                    Run = startedAt,
                    Commit = await SourceVersion.CommitAsync(cancellationToken),
                    Code = report.Source,
                    Machine = report.Machine,
                    Options = options.Describe(),
                    Scenarios = [.. _results.Select(RunRecord.Figures)],
                    Ratios = report.RatioFigures(),
                }.WriteAsync(RunRecord.FolderBeside(path), cancellationToken);
                output.WriteLine($"Appended the results to {path}, and wrote them as JSON to {record}");
            }

            output.WriteLine("Stopping the servers and PostgreSQL");
            return _results;
        }
        finally
        {
            Delete(folder);
        }
    }

    // What the run's telemetry did, in words for the notes; null when it neither exported nor scraped.
    private string? TelemetryFacts(OtlpSink? otlp, MetricsScraper? scraper)
    {
        var parts = new List<string>();
        if (otlp is not null)
        {
            var (exports, bytes) = otlp.Received;
            parts.Add($"OTLP export on (every call traced, metrics every 15 s) to a loopback receiver that discarded them: {exports:N0} exports, " +
                $"{bytes / 1e6:0.0} MB, over the Production gateway's scenarios");
        }

        if (scraper is not null)
        {
            var (scrapes, failures, bytes, slowest) = scraper.Done;
            parts.Add($"/metrics scraped every {options.ScrapeSeconds!.Value.ToString(CultureInfo.InvariantCulture)} s during them: {scrapes:N0} scrapes " +
                $"({failures:N0} failed), {(scrapes > 0 ? bytes / scrapes / 1e3 : 0):0.0} kB each, the slowest {slowest:0} ms");
        }

        return parts.Count == 0 ? null : "Telemetry: " + string.Join("; ", parts) + ".";
    }

    private async Task<ScenarioResult> MeasureAsync(ClosedLoopLoad load, LoadScenario scenario, CancellationToken cancellationToken)
    {
        var probe = await load.ProbeAsync(scenario, cancellationToken);
        output.Write($"  {scenario.Name,-38} probe ok ({probe} bytes) ... ");
        var (logged, _) = await AccessLogStateAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var before = CpuSample.Take(_postmasterPid);
        var result = await load.RunAsync(scenario, cancellationToken, () => CpuSample.Take(_postmasterPid)) with { OtherCores = CpuSample.OtherCores(before, CpuSample.Take(_postmasterPid)) };
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (last, unsealed) = await AccessLogStateAsync(cancellationToken);
        if (last - logged is > 0 and var entries)
        {
            _accessLogWrites.Add(new AccessLogWrites(scenario.Name, entries, seconds, unsealed));
        }

        output.WriteLine($"{result.RequestsPerSecond,8:N0} req/s  p50 {result.P50Milliseconds,6:0.00} ms  p99 {result.P99Milliseconds,7:0.00} ms  " +
            $"errors {result.Errors}  other CPU {result.OtherCores:0.00} cores" +
            (result.Cpu is { } cpu ? $"  CPU/request {cpu.ProcessMilliseconds:0.00} + {cpu.PostgresMilliseconds:0.00} ms" : "") +
            (result.Entries > 0 ? $"  {result.EntriesPerSecond:N0} entries/s" : "") +
            (result.Shed > 0 ? $"  shed {result.Shed:N0}" : ""));
        _results.Add(result);
        return result;
    }

    // The id of the last access-log entry (an identity, so the entries written since are the difference) and the
    // entries not sealed yet; read outside the measured window, like the probe.
    private async Task<(long LastId, long Unsealed)> AccessLogStateAsync(CancellationToken cancellationToken)
    {
        if (_database is null)
        {
            return (0, 0);
        }

        await using var command = _database.CreateCommand(
            "select coalesce((select max(id) from access_log), 0), (select count(*) from access_log) - (select count(*) from access_log_seal)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static LoadScenario Ping(string name, Uri endpoint, SoapEnvelopes envelopes) =>
        new(name, () => SoapRequest.Post(endpoint, ContactCourseActions.Ping, envelopes.Ping));

    // Every request a citizen never registered before; the same numbers are reused across targets, whose stores are apart.
    private static LoadScenario Register(string name, Uri endpoint, SoapEnvelopes envelopes)
    {
        var citizens = new CprSequence(new DateOnly(1950, 1, 1));
        return new(name, () => SoapRequest.Post(endpoint, ContactCourseActions.RegisterInterview, envelopes.RegisterInterviewTemplate.With(citizens.Next())));
    }

    // Every request corrects another prepared registration, from version 1, under a new request id.
    private static LoadScenario Correct(string name, Uri endpoint, SoapEnvelopes envelopes, RegistrationsToCorrect registrations) =>
        new(name, () => registrations.Next() is var (id, cpr)
            ? SoapRequest.Post(endpoint, ContactCourseActions.CorrectInterview, envelopes.CorrectInterviewTemplate.With(cpr, id))
            : null);

    private static LoadScenario Read(string name, Uri endpoint, SoapEnvelopes envelopes, IReadOnlyList<string> citizens)
    {
        var bodies = citizens.Select(envelopes.GetContactCourseTemplate.With).ToArray();
        var next = -1L;
        return new(name, () => SoapRequest.Post(endpoint, ContactCourseActions.GetContactCourse, bodies[Interlocked.Increment(ref next) % bodies.Length]));
    }

    /// <summary>Citizens apart from the RegisterInterview scenario's (born in the 1930s), each with a few registrations, to read back (the load run's and the soak's).</summary>
    internal static async Task<IReadOnlyList<string>> RegisterCitizensAsync(
        ClosedLoopLoad load, Uri endpoint, SoapEnvelopes envelopes, int concurrency, TextWriter output, CancellationToken cancellationToken)
    {
        var sequence = new CprSequence(new DateOnly(1930, 1, 1));
        var citizens = Enumerable.Range(0, Citizens).Select(_ => sequence.Next()).ToArray();
        output.WriteLine($"  registering {RegistrationsPerCitizen} interviews for each of {Citizens} citizens to read back");
        await Parallel.ForEachAsync(
            citizens.SelectMany(cpr => Enumerable.Repeat(cpr, RegistrationsPerCitizen)),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (cpr, token) => await load.ProbeAsync(
                new("registering citizens", () => SoapRequest.Post(endpoint, ContactCourseActions.RegisterInterview, envelopes.RegisterInterviewTemplate.With(cpr))),
                token));
        return citizens;
    }

    // Right after tens of thousands of inserts the planner has no statistics yet and reads a citizen's course with
    // sequential scans, slower the more the run inserted. Autovacuum analyzes within about a minute; measure that
    // steady state, not the first minute after a bulk load.
    private async Task AnalyzeAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        output.WriteLine("  analyzing the tables, as autovacuum would within a minute of the inserts");
        await using var analyze = database.CreateCommand("analyze");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    // The versions ListRegistrations pages through: everything the sandbox authority wrote (the run has no other).
    // A database of its own on the same PostgreSQL, so that the second gateway's agreements (the samples' fixed ids) do not meet the first's.
    private static async Task<string> SecondDatabaseAsync(NpgsqlDataSource database, string connectionString, CancellationToken cancellationToken)
    {
        await using (var create = database.CreateCommand("create database gateway_test"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Database = "gateway_test" }.ConnectionString;
    }

    private static async Task<long> FeedVersionsAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var count = database.CreateCommand("select count(*) from registration_version");
        return (long)(await count.ExecuteScalarAsync(cancellationToken) ?? 0L);
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
