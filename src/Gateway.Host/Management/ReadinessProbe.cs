using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Management;

/// <summary>
/// Runs the readiness checks at most once per <see cref="ManagementOptions.CacheSeconds"/>: concurrent and repeated
/// probes share one evaluation, so a probe storm costs the database a handful of short reads a second, not one per probe.
/// </summary>
internal sealed class ReadinessProbe(HealthCheckService checks, IOptions<ManagementOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private (HealthReport Report, DateTimeOffset At)? _last;

    /// <summary>The latest evaluation, made now if the cached one is too old.</summary>
    public async Task<(HealthReport Report, DateTimeOffset At)> ReadAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _one.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } meanwhile)
            {
                return meanwhile;
            }

            // The checks run on their own bound, not the caller's: a probe that gives up leaves a result for the next.
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.CheckTimeoutSeconds * 2));
            var report = await checks.CheckHealthAsync(bound.Token);
            _last = (report, clock.GetUtcNow());
            return _last.Value;
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    private (HealthReport, DateTimeOffset)? Fresh() =>
        _last is { } last && clock.GetUtcNow() - last.At < TimeSpan.FromSeconds(options.Value.CacheSeconds) ? last : null;
}
