using System.Diagnostics.Metrics;
using Gateway.Host.Access;
using Gateway.Host.Background;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Limits;

namespace Gateway.Host.Telemetry;

/// <summary>
/// The gateway's state as gauges, read when metrics are collected, from what the gateway already knows (no query of its
/// own): whether the change listener hears changes, how far behind the access-log sealer was at its last pass,
/// whether the embedded PostgreSQL runs, whether the database answers, and how many calls are worked on and waiting. Made at start-up, on the same meter as <see cref="GatewayMetrics"/>.
/// </summary>
internal sealed class GatewayStateGauges(
    IMeterFactory meters, CachedAccessStore cache, SealerProgress sealer, GatewayDatabase database, DatabaseAvailability availability, CallAdmission admission) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = meters.Create(GatewayMetrics.Name);
        meter.CreateObservableGauge("gateway.change_listener.caching", () => cache.IsCaching ? 1 : 0, "{state}",
            "1 while the change listener hears agreement and certificate changes (so they are cached), 0 while it does not.");
        meter.CreateObservableGauge("gateway.access_log.sealer.lag", () => sealer.Lag is { } lag ? [new Measurement<double>(lag.TotalSeconds)] : Array.Empty<Measurement<double>>(), "s",
            "Age of the oldest access-log entry not yet sealed, as the sealer's last pass found it; 0 when all were sealed, absent before the first pass.");
        meter.CreateObservableGauge("gateway.database.embedded.up", () => database.EmbeddedRunning is { } up ? [new Measurement<int>(up ? 1 : 0)] : Array.Empty<Measurement<int>>(), "{state}",
            "1 while the embedded PostgreSQL's server process runs, 0 when it does not; absent with an external database.");
        meter.CreateObservableGauge("gateway.database.reachable", () => availability.IsReachable ? 1 : 0, "{state}",
            "1 while the database answers, 0 from a call or duty that could not reach it until it answers again (log events 111 and 112).");
        meter.CreateObservableGauge("gateway.calls.active", () => admission.Active, "{call}",
            "Calls being worked on now (at most Gateway:Calls:MaxConcurrent).");
        meter.CreateObservableGauge("gateway.calls.queued", () => admission.Queued, "{call}",
            "Calls waiting for a working place now (at most Gateway:Calls:MaxQueued); beyond that calls are answered Server.Busy.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
