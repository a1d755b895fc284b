namespace Gateway.Host.Telemetry;

/// <summary>
/// Metrics and traces (configuration section <c>Gateway:Telemetry</c>). The gateway always measures itself; the
/// Prometheus scrape endpoint is on the management listener, and OTLP export of metrics and traces starts when an
/// endpoint is configured here (or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable).
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Telemetry";

    /// <summary>Whether <c>/metrics</c> on the management listener serves the metrics in the Prometheus text format. Default true.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Where to send metrics and traces over OTLP (for example <c>http://collector:4318</c>); empty for no export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>HttpProtobuf</c> (default, port 4318 by convention) or <c>Grpc</c> (port 4317).</summary>
    public string OtlpProtocol { get; set; } = "HttpProtobuf";

    /// <summary>The share of calls whose traces are exported, 0 to 1. Default 1: every call.</summary>
    public double TraceSampleRatio { get; set; } = 1;

    /// <summary>How often metrics are exported over OTLP, in seconds. Default 15.</summary>
    public double OtlpMetricIntervalSeconds { get; set; } = 15;
}
