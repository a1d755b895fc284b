using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Host.Telemetry;

/// <summary>
/// What the gateway measures as calls go through it: the meter <c>Gateway.Host</c> (one per gateway, from the host's
/// <see cref="IMeterFactory"/>) and the activity source of the pipeline's spans. Every attribute is a name from a closed
/// set (an operation of the contract, a fault code, a cache outcome): nothing a caller sends is copied into one, so
/// nothing personal can reach a metric or a span through them.
/// </summary>
internal sealed class GatewayMetrics
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Gateway.Host";

    /// <summary>The spans of the pipeline's stages (identify, envelope, authorize, validate, dispatch), under the request's span.</summary>
    public static readonly ActivitySource Activities = new(Name, typeof(GatewayMetrics).Assembly.GetName().Version?.ToString(3));

    /// <summary>The operation attribute of a call whose operation was never known (refused before its body was read).</summary>
    public const string UnknownOperation = "unknown";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _requestSize;
    private readonly Counter<long> _authorization;
    private readonly Counter<long> _usageFlushFailures;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _calls = meter.CreateCounter<long>("gateway.calls", "{call}",
            "SOAP calls that reached the pipeline, by operation and outcome (Success or the fault code answered).");
        _duration = meter.CreateHistogram("gateway.call.duration", "s",
            "How long a call took in the gateway, from its arrival to its answer, by operation and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _requestSize = meter.CreateHistogram("gateway.request.size", "By",
            "The size of a call's request body, by operation.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288, 1048576] });
        _authorization = meter.CreateCounter<long>("gateway.authorization.lookups", "{lookup}",
            "Certificate and agreement lookups of the identify and authorize stages, by what (certificate, agreement) and where from (cache, database).");
        _usageFlushFailures = meter.CreateCounter<long>("gateway.usage.flush.failures", "{failure}",
            "Times the usage counts could not be stored (kept for the next try).");
    }

    /// <summary>One call, once answered.</summary>
    public void Call(string operation, string outcome, TimeSpan duration, long? requestBytes)
    {
        var tags = new TagList { { "operation", operation }, { "outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
        if (requestBytes is { } bytes)
        {
            _requestSize.Record(bytes, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    /// <summary>One certificate or agreement lookup: answered from the cache, or read from the database.</summary>
    public void Lookup(string what, bool cached) =>
        _authorization.Add(1, new KeyValuePair<string, object?>("what", what), new KeyValuePair<string, object?>("from", cached ? "cache" : "database"));

    /// <summary>The usage counts could not be stored.</summary>
    public void UsageFlushFailed() => _usageFlushFailures.Add(1);
}
