using Gateway.Host.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Host.Management;

/// <summary>The management listener and the readiness checks it serves: what an operator's probes and monitors read.</summary>
internal static class ManagementSetup
{
    public static IServiceCollection AddGatewayManagement(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManagementOptions>()
            .Bind(configuration.GetSection(ManagementOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.Url) || Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme == "http",
                "Gateway:Management:Url must be an http:// address (or empty for no management listener).")
            .Validate(o => o.CacheSeconds is >= 0 and <= 60, "Gateway:Management:CacheSeconds must be between 0 and 60.")
            .Validate(o => o.CheckTimeoutSeconds is > 0 and <= 30, "Gateway:Management:CheckTimeoutSeconds must be more than 0 and at most 30.")
            .Validate(o => o.SealerLagDegradedSeconds > 0 && o.SealerLagUnhealthySeconds >= o.SealerLagDegradedSeconds,
                "Gateway:Management:SealerLag thresholds must be positive, the Unhealthy one at least the Degraded one.")
            .Validate(o => o.OldestTransactionDegradedSeconds > 0 && o.OldestTransactionUnhealthySeconds >= o.OldestTransactionDegradedSeconds,
                "Gateway:Management:OldestTransaction thresholds must be positive, the Unhealthy one at least the Degraded one.")
            .ValidateOnStart();
        var timeout = TimeSpan.FromSeconds(configuration.GetValue($"{ManagementOptions.Section}:CheckTimeoutSeconds", 3.0));
        services.AddHealthChecks()
            // The well-kept Npgsql check, on a pool of its own: a probe never waits for the gateway's busy pool, and
            // says whether the server answers at all.
            .AddNpgSql(sp => sp.GetRequiredService<GatewayDatabase>().ConnectionString, name: "database", failureStatus: HealthStatus.Unhealthy, timeout: timeout)
            .AddCheck<MigrationsCheck>("migrations", HealthStatus.Unhealthy, timeout: timeout)
            .AddCheck<ChangeListenerCheck>("change-listener", HealthStatus.Degraded, timeout: timeout)
            .AddCheck<SealerLagCheck>("sealer-lag", HealthStatus.Degraded, timeout: timeout)
            .AddCheck<OldestTransactionCheck>("oldest-transaction", HealthStatus.Degraded, timeout: timeout)
            .AddCheck<CertificatesCheck>("certificates", HealthStatus.Unhealthy, timeout: timeout);
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<ManagementServer>();
        services.AddHostedService(sp => sp.GetRequiredService<ManagementServer>());
        return services;
    }
}
