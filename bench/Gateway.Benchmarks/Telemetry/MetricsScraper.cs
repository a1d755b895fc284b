using System.Diagnostics;

namespace Gateway.Benchmarks.Telemetry;

/// <summary>
/// Prometheus, as far as the gateway can tell: a GET of <c>/metrics</c> on the management listener every interval, for as
/// long as the run lasts, each bounded by a timeout. It counts the scrapes, the failures, the bytes and the slowest one.
/// </summary>
internal sealed class MetricsScraper : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http = new() { Timeout = Timeout };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _scrapes;
    private long _failures;
    private long _bytes;
    private double _slowestMs;
    private int _disposed;

    private MetricsScraper(Uri metrics, TimeSpan interval) => _loop = LoopAsync(metrics, interval, _stop.Token);

    /// <summary>The scrapes so far: how many, how many failed, their bytes and the slowest, in milliseconds.</summary>
    public (long Scrapes, long Failures, long Bytes, double SlowestMs) Done =>
        (Interlocked.Read(ref _scrapes), Interlocked.Read(ref _failures), Interlocked.Read(ref _bytes), Volatile.Read(ref _slowestMs));

    /// <summary>Starts scraping <paramref name="metrics"/> every <paramref name="interval"/>.</summary>
    public static MetricsScraper Start(Uri metrics, TimeSpan interval) => new(metrics, interval);

    /// <summary>Stops scraping; a second call does nothing, so a run may stop it before its scope ends.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting or scraping: what it counted stands.
        }

        _stop.Dispose();
        _http.Dispose();
    }

    private async Task LoopAsync(Uri metrics, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var body = await _http.GetByteArrayAsync(metrics, cancellationToken);
                Interlocked.Add(ref _bytes, body.Length);
                Interlocked.Increment(ref _scrapes);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (ms > _slowestMs)
                {
                    Volatile.Write(ref _slowestMs, ms);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failures);
            }
        }
    }
}
