using Gateway.Data.Database;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gateway.Host.Telemetry;

/// <summary>
/// Metrics and traces with OpenTelemetry: the gateway's own meters (<see cref="GatewayMetrics"/>, <see cref="GatewayStateGauges"/>,
/// the access log's group commit), ASP.NET Core's and Kestrel's, the runtime's and Npgsql's; served for Prometheus on the
/// management listener, and exported over OTLP, with traces of every call through the pipeline's stages to the SQL, when
/// an endpoint is configured (<see cref="TelemetryOptions"/>).
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The service name on every exported metric and span.</summary>
    public const string ServiceName = "contactcourse-gateway";

    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Gateway:Telemetry:OtlpEndpoint must be an http:// or https:// address (or empty for no export).")
            .Validate(o => o.OtlpProtocol is "HttpProtobuf" or "Grpc", "Gateway:Telemetry:OtlpProtocol must be HttpProtobuf or Grpc.")
            .Validate(o => o.TraceSampleRatio is >= 0 and <= 1, "Gateway:Telemetry:TraceSampleRatio must be between 0 and 1.")
            .Validate(o => o.OtlpMetricIntervalSeconds is >= 1 and <= 3600, "Gateway:Telemetry:OtlpMetricIntervalSeconds must be between 1 and 3600.")
            .ValidateOnStart();
        services.AddSingleton<GatewayMetrics>();
        services.AddHostedService<GatewayStateGauges>();

        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Otlp(options, configuration);
        var version = typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(3);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayMetrics.Name, DataTelemetry.Name, "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is { } endpoint)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Configure(exporter, endpoint, "v1/metrics", options);
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)(options.OtlpMetricIntervalSeconds * 1000);
                    });
                }
            });

        // Traces only when they go somewhere: without a listener no span is even made.
        if (otlp is { } traces)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new CallsOnlySampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio))))
                .AddSource(GatewayMetrics.Name, DataTelemetry.Name)
                // The management listener's probes and scrapes are no calls (a probe every few seconds would be most traces).
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsManagementPath(http.Request.Path))
                .AddNpgsql()
                .AddOtlpExporter(exporter => Configure(exporter, traces, "v1/traces", options)));
        }

        return services;
    }

    // What the management listener serves (and the SOAP port answers 404 to).
    private static bool IsManagementPath(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    // The configured endpoint, else the standard variable's; null for no export.
    private static Uri? Otlp(TelemetryOptions options, IConfiguration configuration)
    {
        var endpoint = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? options.OtlpEndpoint : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        return string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/");
    }

    // Over HTTP each signal has its own path under the base address (as the OTLP specification has it); over gRPC, one address.
    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, string signalPath, TelemetryOptions options)
    {
        var grpc = options.OtlpProtocol == "Grpc";
        exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = grpc ? endpoint : new Uri(endpoint, signalPath);
    }
}
