using System.Runtime.InteropServices;
using Gateway.Benchmarks.Records;
using Gateway.Benchmarks.Scale;
using Gateway.Benchmarks.Soak;
using Gateway.Benchmarks.Supervision;
using Gateway.Data.Database;
using Gateway.Domain.Faults;
using Npgsql;

namespace Gateway.Benchmarks;

/// <summary>
/// The entry point. Not top-level statements: Gateway.Host exposes a public <c>Program</c> class, and a second
/// one here would shadow it.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        if (options.Compare is var (a, b))
        {
            try
            {
                Console.Write(RunComparison.Table(
                    RunComparison.Read(a, await File.ReadAllTextAsync(a)), RunComparison.Read(b, await File.ReadAllTextAsync(b))));
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await Console.Error.WriteLineAsync($"--compare: {ex.Message}");
                return 2;
            }
        }

        // Ctrl+C and SIGTERM end the run through its token, so its servers and PostgreSQL are stopped.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });

        try
        {
            if (options.SupervisionScale.Count > 0)
            {
                await new SupervisionScaleRun(options, Console.Out, Console.Error).RunAsync(cancel.Token);
                return 0;
            }

            if (options.SoakMinutes > 0)
            {
                var soak = await new SoakRun(options, Console.Out).RunAsync(cancel.Token);
                Console.WriteLine();
                Console.Write(soak.ToText());
                if (options.Write)
                {
                    var path = options.OutputPath ?? Report.PerformanceDocument.DefaultPath();
                    await Report.PerformanceDocument.AppendAsync(path, soak.ToMarkdownSection(), cancel.Token);
                    var json = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "performance-soak.json");
                    await File.WriteAllTextAsync(json, soak.ToRecord().ToJson(), cancel.Token);
                    Console.WriteLine($"Appended the results to {path}, and wrote them as JSON to {json}");
                }

                return soak.Errors > 0 || !(soak.Trend.RssFlat && soak.Trend.OpenFilesFlat) ? 3 : 0;
            }

            if (options.GatewayScale.Count > 0)
            {
                var points = await new GatewayScaleRun(options, Console.Out, Console.Error).RunAsync(cancel.Token);
                return points.Any(p => p.Scenarios.Any(r => r.Errors > 0) || (p.Chain.Checked && !p.Chain.Intact)) ? 3 : 0;
            }

            var results = await new BenchmarkRun(options, Console.Out).RunAsync(cancel.Token);
            return results.Any(r => r.Errors > 0) ? 3 : 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled; the servers and PostgreSQL were stopped.");
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or NpgsqlException or IOException or EmbeddedDatabaseException or GatewayException or StoreConflictException)
        {
            await Console.Error.WriteLineAsync($"The benchmark failed: {ex.Message}");
            return 1;
        }
    }
}
