using System.Diagnostics;
using System.Net;

namespace Gateway.Benchmarks.Load;

/// <summary>
/// The load client: <see cref="LoadSettings.Concurrency"/> closed-loop workers sharing one HttpClient over
/// keep-alive HTTP/1.1 connections, one per worker. Warm-up and measurement run back to back on the same
/// connections.
/// </summary>
internal sealed class ClosedLoopLoad : IDisposable
{
    private readonly HttpClient _client;
    private readonly LoadSettings _settings;

    public ClosedLoopLoad(LoadSettings settings, Gateway.Benchmarks.Hosting.BenchCertificates certificates)
    {
        _settings = settings;
        _client = CreateClient(settings.Concurrency, certificates);
    }

    /// <summary>Sends one request of <paramref name="scenario"/>; throws unless it succeeds. Returns the size of the answer.</summary>
    public async Task<int> ProbeAsync(LoadScenario scenario, CancellationToken cancellationToken)
    {
        var source = scenario.NewSource();
        using var request = source.Next()
            ?? throw new InvalidOperationException($"{scenario.Name}: there is no request to send, so the scenario is not measured.");
        using var response = await _client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (ResponseCheck.Failure(response, body) is { } failure)
        {
            throw new InvalidOperationException($"{scenario.Name}: the probe request failed, so the scenario is not measured. {failure}");
        }

        source.Answered(body);
        return body.Length;
    }

    /// <summary>
    /// Warms up, then measures <paramref name="scenario"/>; with <paramref name="sampleCpu"/>, also the CPU time per request
    /// from the start of the measured window to its last answer.
    /// </summary>
    public async Task<ScenarioResult> RunAsync(LoadScenario scenario, CancellationToken cancellationToken, Func<CpuSample?>? sampleCpu = null)
    {
        var capacity = _settings.MaxRequests / _settings.Concurrency;
        var workers = Enumerable.Range(0, _settings.Concurrency).Select(_ => new LoadWorker(_client, scenario, capacity)).ToArray();
        var measureStart = Stopwatch.GetTimestamp() + Ticks(_settings.Warmup);
        var measureEnd = measureStart + Ticks(_settings.Duration);
        var cpuAtStart = sampleCpu is null ? Task.FromResult<CpuSample?>(null) : SampleAtAsync(measureStart, sampleCpu, cancellationToken);
        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(measureStart, measureEnd, cancellationToken), cancellationToken)));
        var cpuAtEnd = sampleCpu?.Invoke();
        var result = ScenarioResult.From(scenario.Name, workers, measureStart);
        return result with { Cpu = CpuSample.PerRequest(await cpuAtStart, cpuAtEnd, result.Requests) };
    }

    private static async Task<CpuSample?> SampleAtAsync(long timestamp, Func<CpuSample?> sample, CancellationToken cancellationToken)
    {
        if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp) is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }

        return sample();
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// The load client's HttpClient: up to <paramref name="connections"/> keep-alive connections per server, the run's client
    /// certificate for HTTPS targets; shared with the soak's open-loop client.
    /// </summary>
    public static HttpClient CreateClient(int connections, Gateway.Benchmarks.Hosting.BenchCertificates certificates)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // HTTPS targets get the run's client certificate and are trusted through the run's CA; HTTP ones ignore both.
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions
            {
                ClientCertificates = [certificates.Client],
                RemoteCertificateValidationCallback = (_, server, _, _) => certificates.TrustsServer(server as System.Security.Cryptography.X509Certificates.X509Certificate2),
            },
        };
        // A request that takes longer than this counts as an error, and keeps a run bounded in time.
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
