using System.Diagnostics;
using Gateway.Benchmarks.Load;

namespace Gateway.Benchmarks.Soak;

/// <summary>
/// An open-loop client: sends calls of <see cref="MixedOperations"/> at a fixed rate whatever the answers take, so a slower
/// gateway meets a queue as it would in production instead of a client that waits for it. Each latency is measured from when
/// the call was due, not from when it was sent (no coordinated omission). Calls beyond <see cref="MaxInFlight"/> unanswered
/// are not sent and are counted as skipped, which bounds the client when the gateway stalls.
/// </summary>
internal sealed class OpenLoopLoad(HttpClient client, MixedOperations mix, double rate)
{
    public const int MaxInFlight = 1024;

    private readonly Dictionary<string, (LatencyHistogram Latencies, long[] Errors)> _operations =
        MixedOperations.Operations.ToDictionary(o => o, _ => (new LatencyHistogram(), new long[1]), StringComparer.Ordinal);

    private LatencyHistogram _window = new();
    private long _inFlight;
    private long _errors;
    private long _shed;
    private long _skipped;
    private string? _firstError;

    public string? FirstError => _firstError;

    public long Errors => Interlocked.Read(ref _errors);

    public long Shed => Interlocked.Read(ref _shed);

    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Per operation: answered calls, their latencies, failed calls.</summary>
    public IEnumerable<(string Operation, LatencyHistogram Latencies, long Errors)> Operations =>
        _operations.Select(o => (o.Key, o.Value.Latencies, Interlocked.Read(ref o.Value.Errors[0])));

    /// <summary>The latencies since the last call, and a fresh window for the next ones.</summary>
    public LatencyHistogram TakeWindow() => Interlocked.Exchange(ref _window, new LatencyHistogram());

    /// <summary>Sends calls at the rate until <paramref name="until"/> (a <see cref="Stopwatch"/> timestamp), then waits for the answers.</summary>
    public async Task RunAsync(long until, CancellationToken cancellationToken)
    {
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var sent = 0L;
        var pending = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= until)
            {
                break;
            }

            // Every call due by now, each stamped with the moment it was due.
            for (var due = (long)((now - start) / interval); sent <= due; sent++)
            {
                if (Interlocked.Read(ref _inFlight) >= MaxInFlight)
                {
                    Interlocked.Increment(ref _skipped);
                    continue;
                }

                Interlocked.Increment(ref _inFlight);
                pending.Add(SendAsync(start + (long)(sent * interval), cancellationToken));
            }

            pending.RemoveAll(t => t.IsCompleted);
            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(pending);
    }

    private async Task SendAsync(long due, CancellationToken cancellationToken)
    {
        var (operation, request, cpr) = mix.Next();
        var (latencies, errors) = _operations[operation];
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, cancellationToken))
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var milliseconds = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                if (ResponseCheck.IsShed(response, body))
                {
                    Interlocked.Increment(ref _shed);
                }
                else if (ResponseCheck.Failure(response, body) is { } failure)
                {
                    Fail(errors, $"{operation}: {failure}");
                }
                else
                {
                    latencies.Add(milliseconds);
                    _window.Add(milliseconds);
                    mix.Answered(operation, cpr, body);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Fail(errors, $"{operation}: {ex.GetType().Name}: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is being stopped; the call is neither answered nor failed.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Fail(long[] errors, string failure)
    {
        Interlocked.Increment(ref errors[0]);
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, failure, null);
    }
}
