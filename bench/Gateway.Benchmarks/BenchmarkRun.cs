using System.Globalization;
using Gateway.Benchmarks.Baselines;
using Gateway.Benchmarks.Hosting;
using Gateway.Benchmarks.Load;
using Gateway.Benchmarks.Report;
using Gateway.Benchmarks.Requests;
using Gateway.Contracts;
using Gateway.Data.Database;
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
    private const string GatewayRegister = "gateway RegisterInterview, mTLS + authorization";
    private const string GatewayRead = "gateway GetContactCourse, mTLS + authorization";

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
    ];

    private readonly List<ScenarioResult> _results = [];
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

            // The server's first line of postmaster.pid is its pid; its children are the rest of PostgreSQL.
            _postmasterPid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "pgdata", "postmaster.pid"), cancellationToken))[0]);

            output.WriteLine("Starting the gateway and the baselines on 127.0.0.1");
            using var certificates = BenchCertificates.Create(Path.Combine(folder.FullName, "certificates"));
            await using var gateway = await GatewayServer.StartAsync(postgres.ConnectionString, certificates, cancellationToken);
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
            await MeasureAsync(load, Register(GatewayRegister, gateway.Endpoint, envelopes), cancellationToken);
            var citizens = await RegisterCitizensAsync(load, gateway.Endpoint, envelopes, cancellationToken);
            await AnalyzeAsync(database, cancellationToken);
            await MeasureAsync(load, Read(GatewayRead, gateway.Endpoint, envelopes, citizens), cancellationToken);

            var report = new RunReport(
                startedAt, await SourceVersion.DescribeAsync(cancellationToken), await MachineDescription.CollectAsync(database, loadBeforeRun, cancellationToken),
                options, _results, Comparisons);
            output.WriteLine();
            output.Write(report.ToText());
            if (options.Write)
            {
                var path = options.OutputPath ?? PerformanceDocument.DefaultPath();
                await PerformanceDocument.AppendAsync(path, report.ToMarkdownSection(), cancellationToken);
                output.WriteLine($"Appended the results to {path}");
            }

            output.WriteLine("Stopping the servers and PostgreSQL");
            return _results;
        }
        finally
        {
            Delete(folder);
        }
    }

    private async Task MeasureAsync(ClosedLoopLoad load, LoadScenario scenario, CancellationToken cancellationToken)
    {
        var probe = await load.ProbeAsync(scenario, cancellationToken);
        output.Write($"  {scenario.Name,-38} probe ok ({probe} bytes) ... ");
        var before = CpuSample.Take(_postmasterPid);
        var result = await load.RunAsync(scenario, cancellationToken) with { OtherCores = CpuSample.OtherCores(before, CpuSample.Take(_postmasterPid)) };
        output.WriteLine($"{result.RequestsPerSecond,8:N0} req/s  p50 {result.P50Milliseconds,6:0.00} ms  p99 {result.P99Milliseconds,7:0.00} ms  " +
            $"errors {result.Errors}  other CPU {result.OtherCores:0.00} cores");
        _results.Add(result);
    }

    private static LoadScenario Ping(string name, Uri endpoint, SoapEnvelopes envelopes) =>
        new(name, () => SoapRequest.Post(endpoint, ContactCourseActions.Ping, envelopes.Ping));

    // Every request a citizen never registered before; the same numbers are reused across targets, whose stores are apart.
    private static LoadScenario Register(string name, Uri endpoint, SoapEnvelopes envelopes)
    {
        var citizens = new CprSequence(new DateOnly(1950, 1, 1));
        return new(name, () => SoapRequest.Post(endpoint, ContactCourseActions.RegisterInterview, envelopes.RegisterInterviewTemplate.With(citizens.Next())));
    }

    private static LoadScenario Read(string name, Uri endpoint, SoapEnvelopes envelopes, IReadOnlyList<string> citizens)
    {
        var bodies = citizens.Select(envelopes.GetContactCourseTemplate.With).ToArray();
        var next = -1L;
        return new(name, () => SoapRequest.Post(endpoint, ContactCourseActions.GetContactCourse, bodies[Interlocked.Increment(ref next) % bodies.Length]));
    }

    // Citizens apart from the RegisterInterview scenario's (born in the 1930s), each with a few registrations.
    private async Task<IReadOnlyList<string>> RegisterCitizensAsync(ClosedLoopLoad load, Uri endpoint, SoapEnvelopes envelopes, CancellationToken cancellationToken)
    {
        var sequence = new CprSequence(new DateOnly(1930, 1, 1));
        var citizens = Enumerable.Range(0, Citizens).Select(_ => sequence.Next()).ToArray();
        output.WriteLine($"  registering {RegistrationsPerCitizen} interviews for each of {Citizens} citizens to read back");
        await Parallel.ForEachAsync(
            citizens.SelectMany(cpr => Enumerable.Repeat(cpr, RegistrationsPerCitizen)),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
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
