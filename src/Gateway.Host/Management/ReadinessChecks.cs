using System.Globalization;
using Gateway.Data.Database;
using Gateway.Host.Access;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Management;

/// <summary>Every migration of this build is applied: a database restored from before an upgrade, say, is not.</summary>
internal sealed class MigrationsCheck(GatewayDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await new DatabaseHealth(dataSource).PendingMigrationsAsync(cancellationToken) is { Count: > 0 } pending
            ? HealthCheckResult.Unhealthy($"Not applied: {string.Join(", ", pending)}. Run `dotnet run --project src/Gateway.Host -- migrate` (or start one instance), then check again.")
            : HealthCheckResult.Healthy($"All {SchemaMigrator.Scripts.Count} migrations applied.");
}

/// <summary>Whether the change listener holds its subscription, so that agreements and certificates are cached.</summary>
internal sealed class ChangeListenerCheck(CachedAccessStore cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.IsCaching
            ? HealthCheckResult.Healthy("Listening for changes; agreements and certificates are cached.")
            : HealthCheckResult.Degraded("Not listening for changes: every call reads its agreement and certificate from the database until the listener is back (it retries by itself)."));
}

/// <summary>How far behind the access-log sealer is: entries not yet chained cannot be verified.</summary>
internal sealed class SealerLagCheck(GatewayDataSource dataSource, IOptions<ManagementOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await new DatabaseHealth(dataSource).SealerLagAsync(cancellationToken);
        var o = options.Value;
        var text = lag is { } l ? $"The oldest unsealed access-log entry is {Seconds(l)} s old." : "Every access-log entry is sealed.";
        return Judge(lag, o.SealerLagDegradedSeconds, o.SealerLagUnhealthySeconds, text,
            " Look for a long open transaction (the sealer waits for it) or sealer errors in the log (event 601).");
    }

    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    internal static HealthCheckResult Judge(TimeSpan? value, double degraded, double unhealthy, string text, string advice) =>
        value?.TotalSeconds switch
        {
            { } s when s >= unhealthy => HealthCheckResult.Unhealthy(text + advice),
            { } s when s >= degraded => HealthCheckResult.Degraded(text + advice),
            _ => HealthCheckResult.Healthy(text),
        };
}

/// <summary>The oldest transaction open in the gateway's database: while it is open the feed and the sealer wait for it.</summary>
internal sealed class OldestTransactionCheck(GatewayDataSource dataSource, IOptions<ManagementOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var age = await new DatabaseHealth(dataSource).OldestTransactionAgeAsync(cancellationToken);
        var o = options.Value;
        var text = age is { } a ? $"The oldest open transaction has been open {SealerLagCheck.Seconds(a)} s." : "No transaction is open.";
        return SealerLagCheck.Judge(age, o.OldestTransactionDegradedSeconds, o.OldestTransactionUnhealthySeconds, text,
            " Find it in pg_stat_activity (xact_start) and end it; ListRegistrations and the sealer are held back while it is open.");
    }
}

/// <summary>The server certificate and the trusted CA certificates are valid and not about to expire.</summary>
internal sealed class CertificatesCheck(ServedCertificates certificates, IOptions<ManagementOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var all = certificates.TrustedCas.Select(c => (Role: "CA", Certificate: c)).ToList();
        if (certificates.Server is { } server)
        {
            all.Insert(0, ("Server", server));
        }

        var first = all.OrderBy(c => c.Certificate.NotAfter).First();
        var until = new DateTimeOffset(first.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) - now;
        var text = $"{first.Role} certificate {first.Certificate.Subject} expires first, on {first.Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}.";
        return Task.FromResult(until <= TimeSpan.Zero
            ? HealthCheckResult.Unhealthy(text + " It has expired: renew it and restart the gateway.")
            : until.TotalDays < options.Value.CertificateDegradedDays
                ? HealthCheckResult.Degraded(text + $" That is in {until.TotalDays:0} days: renew it.")
                : HealthCheckResult.Healthy(text));
    }
}
