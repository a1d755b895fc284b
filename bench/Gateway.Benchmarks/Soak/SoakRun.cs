using System.Diagnostics;
using System.Globalization;
using Gateway.Benchmarks.Hosting;
using Gateway.Benchmarks.Load;
using Gateway.Benchmarks.Report;
using Gateway.Benchmarks.Requests;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Npgsql;

namespace Gateway.Benchmarks.Soak;

/// <summary>
/// The soak (--soak MINUTES): a private durable PostgreSQL and the real gateway in-process, as the load run has them; citizens
/// registered to read; the mix's peak measured closed-loop (unless --rate gives the rate); then the mix sent open-loop at the
/// rate (half the peak by default) for the minutes given, sampling every ten seconds the process's resident memory, open
/// files, threads and GC heap and the p99 of the window. The report says whether memory and handles stayed flat.
/// </summary>
internal sealed class SoakRun(BenchmarkOptions options, TextWriter output)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);


    public async Task<SoakReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBeforeRun = MachineDescription.LoadAverage();
        output.WriteLine($"Load average before the run: {loadBeforeRun} (other work on these cores distorts every figure)");
        var folder = Directory.CreateTempSubdirectory("gateway-soak-");
        try
        {
            output.WriteLine($"Starting a durable embedded PostgreSQL in {folder.FullName}");
            await using var postgres = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = folder.FullName, Durable = true }, cancellationToken);
            await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
            using var certificates = BenchCertificates.Create(Path.Combine(folder.FullName, "certificates"));
            await using var gateway = await GatewayServer.StartAsync(postgres.ConnectionString, GatewayEnvironment.Production, certificates, cancellationToken);
            var envelopes = SoapEnvelopes.ForToday(TimeProvider.System);
            using var load = new ClosedLoopLoad(new LoadSettings(
                options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.DurationSeconds), options.MaxRequests), certificates);

            var citizens = await BenchmarkRun.RegisterCitizensAsync(load, gateway.Endpoint, envelopes, options.Concurrency, output, cancellationToken);
            await using (var analyze = database.CreateCommand("analyze"))
            {
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            var mix = new MixedOperations(gateway.Endpoint, envelopes, citizens);
            double? peak = null;
            if (options.SoakRate is null)
            {
                output.WriteLine($"  measuring the mix's peak closed-loop: {options.Concurrency} workers, {options.WarmupSeconds.ToString(CultureInfo.InvariantCulture)} s warm-up + " +
                    $"{options.DurationSeconds.ToString(CultureInfo.InvariantCulture)} s");
                var closed = await load.RunAsync(new LoadScenario("mix, closed loop", () => new MixedSource(mix)), cancellationToken);
                peak = closed.RequestsPerSecond;
                output.WriteLine($"  peak {peak:N0} calls/s (p50 {closed.P50Milliseconds:0.00} ms, p99 {closed.P99Milliseconds:0.00} ms, errors {closed.Errors})");
            }

            var rate = options.SoakRate ?? Math.Max(1, peak!.Value / 2);
            output.WriteLine($"  soaking {options.SoakMinutes.ToString(CultureInfo.InvariantCulture)} min at {rate:N0} calls/s, open loop; a sample every {Window.TotalSeconds:0} s");
            using var client = ClosedLoopLoad.CreateClient(options.SoakConnections, certificates);
            var open = new OpenLoopLoad(client, mix, rate);
            var started = Stopwatch.GetTimestamp();
            var until = started + (long)(options.SoakMinutes * 60 * Stopwatch.Frequency);
            var sending = open.RunAsync(until, cancellationToken);
            var samples = await SampleAsync(open, started, until, cancellationToken);
            await sending;

            var report = new SoakReport(
                startedAt, await SourceVersion.DescribeAsync(cancellationToken), await SourceVersion.CommitAsync(cancellationToken),
                await MachineDescription.CollectAsync(database, loadBeforeRun, cancellationToken), options, rate, peak,
                Stopwatch.GetElapsedTime(started).TotalSeconds, open, samples);
            output.WriteLine("Stopping the gateway and PostgreSQL");
            return report;
        }
        finally
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

    // One sample per window until the end, printed as it is taken so a long soak can be watched.
    private async Task<List<ProcessSample>> SampleAsync(OpenLoopLoad open, long started, long until, CancellationToken cancellationToken)
    {
        var samples = new List<ProcessSample>();
        using var timer = new PeriodicTimer(Window);
        var (errors, shed, skipped) = (0L, 0L, 0L);
        output.WriteLine("      s   RSS MiB  files  threads  GC heap MiB  calls  p99 ms  errors");
        while (Stopwatch.GetTimestamp() + (Window.TotalSeconds * Stopwatch.Frequency / 2) < until && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var window = open.TakeWindow();
            var (rss, files, threads, heap) = ProcessSample.Take();
            var sample = new ProcessSample(Stopwatch.GetElapsedTime(started).TotalSeconds, rss, files, threads, heap, window.Count,
                open.Errors - errors, open.Shed - shed, open.Skipped - skipped, window.Percentile(0.99));
            (errors, shed, skipped) = (open.Errors, open.Shed, open.Skipped);
            samples.Add(sample);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {sample.AtSeconds,5:0}  {sample.RssMiB,8:0.0}  {sample.OpenFiles,5}  {sample.Threads,7}  {sample.GcHeapMiB,11:0.0}  {sample.Requests,5}  {sample.P99Milliseconds,6:0.0}  {sample.Errors,6}"));
        }

        return samples;
    }

    // The mix as a closed-loop worker's source: remembers its last call, so a registration's receipt feeds the corrections.
    private sealed class MixedSource(MixedOperations mix) : IRequestSource
    {
        private (string Operation, string? Cpr) _last;

        public HttpRequestMessage? Next()
        {
            var (operation, request, cpr) = mix.Next();
            _last = (operation, cpr);
            return request;
        }

        public int Answered(ReadOnlySpan<byte> body)
        {
            mix.Answered(_last.Operation, _last.Cpr, body);
            return 0;
        }
    }
}
