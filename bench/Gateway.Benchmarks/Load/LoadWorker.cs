using System.Diagnostics;

namespace Gateway.Benchmarks.Load;

/// <summary>
/// One closed-loop worker: sends the next request as soon as the previous answer is read. Latencies of requests
/// started in the measurement window go into a buffer allocated up front and owned by this worker alone, so
/// the hot path takes no lock and allocates nothing for bookkeeping.
/// </summary>
internal sealed class LoadWorker(HttpClient client, LoadScenario scenario, int capacity)
{
    private readonly IRequestSource _source = scenario.NewSource();
    private readonly long[] _latencies = new long[capacity];
    private byte[] _body = new byte[16 * 1024];

    /// <summary>Measured successful requests.</summary>
    public int Count { get; private set; }

    /// <summary>Entries the measured successful answers carried, for scenarios whose source counts them.</summary>
    public long Entries { get; private set; }

    /// <summary>Measured requests the gateway shed with <c>Server.Busy</c>; the worker sends its next request at once.</summary>
    public int Shed { get; private set; }

    /// <summary>Failed requests, warm-up included.</summary>
    public int Errors { get; private set; }

    public string? FirstError { get; private set; }

    /// <summary>When the last measured request ended (<see cref="Stopwatch"/> timestamp).</summary>
    public long LastEnd { get; private set; }

    /// <summary>Whether the buffer filled before the window closed.</summary>
    public bool Capped { get; private set; }

    /// <summary>Whether the source ran out of requests before the window closed.</summary>
    public bool RanOut { get; private set; }

    public ReadOnlySpan<long> Latencies => _latencies.AsSpan(0, Count);

    /// <summary>Runs until <paramref name="measureEnd"/>; requests started from <paramref name="measureStart"/> on are measured.</summary>
    public async Task RunAsync(long measureStart, long measureEnd, CancellationToken cancellationToken)
    {
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= measureEnd)
            {
                return;
            }

            using var request = _source.Next();
            if (request is null)
            {
                RanOut = true;
                return;
            }

            var (failure, entries) = await SendAsync(request, cancellationToken);
            var end = Stopwatch.GetTimestamp();
            if (ReferenceEquals(failure, ShedAnswer))
            {
                Shed += start >= measureStart ? 1 : 0;
                continue;
            }

            if (failure is not null)
            {
                Errors++;
                FirstError ??= failure;
                continue;
            }

            if (start < measureStart)
            {
                continue;
            }

            _latencies[Count++] = end - start;
            Entries += entries;
            LastEnd = end;
            if (Count == _latencies.Length)
            {
                Capped = true;
                return;
            }
        }
    }

    private const string ShedAnswer = "Server.Busy";

    // The failure (null for a success; ShedAnswer for a shed request) and the entries the answer carried.
    private async Task<(string? Failure, int Entries)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var length = await ReadBodyAsync(response, cancellationToken);
            var body = _body.AsSpan(0, length);
            return ResponseCheck.IsShed(response, body) ? (ShedAnswer, 0)
                : ResponseCheck.Failure(response, body) is { } failure ? (failure, 0)
                : (null, _source.Answered(body));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ($"{ex.GetType().Name}: {ex.Message}", 0);
        }
    }

    // Reads the whole body into this worker's reusable buffer.
    private async Task<int> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var length = 0;
        while (true)
        {
            if (length == _body.Length)
            {
                Array.Resize(ref _body, _body.Length * 2);
            }

            var read = await stream.ReadAsync(_body.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }
}
