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
    private (Task<HealthReport> Task, DateTimeOffset Started)? _running;

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

            // The checks run on their own bound, not the caller's: a probe that gives up leaves a result for the next. A
            // check can ignore its token (one waiting on a frozen database does), so the wait for them is bounded here too;
            // an evaluation still running is not started again, and a result that took longer than the bound is not used.
            var bound = TimeSpan.FromSeconds(options.Value.CheckTimeoutSeconds * 2);
            if (_running is not { } running || (running.Task.IsCompleted && clock.GetUtcNow() - running.Started > bound))
            {
                var cancel = new CancellationTokenSource(bound);
                running = (checks.CheckHealthAsync(cancel.Token).ContinueWith(t => { cancel.Dispose(); return t; }, TaskScheduler.Default).Unwrap(), clock.GetUtcNow());
                _running = running;
            }

            HealthReport report;
            try
            {
                report = await running.Task.WaitAsync(bound, clock, cancellationToken);
                _running = null;
            }
            catch (TimeoutException)
            {
                report = NotAnswering(bound);
            }

            _last = (report, clock.GetUtcNow());
            return _last.Value;
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    // What readiness is while the checks do not finish: the database (which every check but the certificates' asks) does not answer.
    private static HealthReport NotAnswering(TimeSpan bound) => new(
        new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(HealthStatus.Unhealthy, $"The readiness checks did not finish within {bound.TotalSeconds:0} s: the database does not answer.", bound, null, null),
        },
        bound);

    private (HealthReport, DateTimeOffset)? Fresh() =>
        _last is { } last && clock.GetUtcNow() - last.At < TimeSpan.FromSeconds(options.Value.CacheSeconds) ? last : null;
}
