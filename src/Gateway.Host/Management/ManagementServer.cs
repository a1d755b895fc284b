using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Gateway.Host.Management;

/// <summary>
/// The management listener: a Kestrel server of its own, on <see cref="ManagementOptions.Url"/>, that serves only
/// <c>/health/live</c>, <c>/health/ready</c> and, unless switched off (<c>Gateway:Telemetry:Prometheus</c>), the metrics
/// for Prometheus at <c>/metrics</c>. Being another server, nothing of the SOAP pipeline answers here, and nothing of this
/// answers on the SOAP port. It starts with the gateway and stops with it.
/// </summary>
internal sealed partial class ManagementServer(
    ReadinessProbe readiness, IOptions<ManagementOptions> options, IOptions<Telemetry.TelemetryOptions> telemetry, MeterProvider meters,
    ILoggerFactory loggerFactory, ILogger<ManagementServer> logger) : IHostedService, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private WebApplication? _app;

    /// <summary>The addresses it listens on once started (a port 0 in the configuration is resolved here).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Url))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(options.Value.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        _app = builder.Build();
        _app.MapGet("/health/live", () => Results.Json(new { status = "Alive" }, Json));
        _app.MapGet("/health/ready", async (HttpContext http) =>
        {
            var (report, at) = await readiness.ReadAsync(http.RequestAborted);
            var body = new
            {
                status = report.Status.ToString(),
                checkedAt = at.UtcDateTime,
                checks = report.Entries.Select(e => new
                {
                    name = e.Key,
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? e.Value.Exception?.GetType().Name,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                }),
            };
            // Degraded still serves: it is a warning for operators, not a reason to take the instance out.
            return Results.Json(body, Json, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        var paths = "/health/live, /health/ready";
        if (telemetry.Value.Prometheus)
        {
            // The gateway's meter provider, not one of this server's own: what is measured is the gateway.
            _app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
            paths += ", /metrics";
        }

        await _app.StartAsync(cancellationToken);
        Addresses = [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        Listening(Addresses, paths);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Management listener on {Addresses}: {Paths}")]
    private partial void Listening(IReadOnlyList<string> addresses, string paths);
}
