using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Data.Registrations;
using Gateway.Data.Supervision;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Calendar;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;
using Gateway.Host.Access;
using Gateway.Host.Background;
using Gateway.Host.Conformance;
using Gateway.Host.Management;
using Gateway.Host.Pipeline;
using Gateway.Host.Pipeline.Identify;
using Gateway.Host.Sandbox;
using Gateway.Host.Telemetry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Hosting;

/// <summary>How the gateway is put together. <c>Program.cs</c> and the tests compose it through these same calls.</summary>
public static class GatewayComposition
{
    /// <summary>Registers options, the sandbox (without a connection string), the database, the domain operations, who may call, the pipeline stages and the background duties.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddGatewayOptions();
        var tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        builder.AddGatewaySandbox(tls);
        builder.Services
            .AddGatewayDatabase()
            .AddGatewayOperations()
            .AddGatewayAccess();
        builder.AddGatewayPipeline(tls);
        builder.Services
            .AddGatewayBackgroundDuties()
            .AddGatewayManagement(builder.Configuration)
            .AddGatewayTelemetry(builder.Configuration)
            .AddGatewayRegistrationTool(builder.Configuration)
            .AddSingleton<StartupLog>();
        return builder;
    }

    /// <summary>The request pipeline, in order: guard → identify → envelope → authorize → schema validation → dispatch (see <see cref="GatewayPipeline"/>).</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseGatewayPipeline();
        app.UseMiddleware<PartnerConformanceEndpoint>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var services = StartupLog.ServiceUrls(app);
            app.Services.GetRequiredService<StartupLog>().Ready(services);
            app.Services.GetService<SandboxProvisioner>()?.Describe(services);
        });
        return app;
    }

    /// <summary>Chooses and starts the database and applies pending migrations. Call before serving.</summary>
    public static async Task PrepareGatewayAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        // Checked here too, so that a bad setting also stops a migrate-only run, which never starts the host.
        _ = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<RegistrationPolicy>>().Value;
        var database = app.Services.GetRequiredService<GatewayDatabase>();
        await database.PrepareAsync(cancellationToken);
        var dataSource = app.Services.GetRequiredService<GatewayDataSource>();
        var applied = await SchemaMigrator.ApplyAsync(dataSource, cancellationToken);
        await TransactionIds.EnsureAheadOfStoredAsync(dataSource, cancellationToken);
        var environment = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Environment;
        var startup = app.Services.GetRequiredService<StartupLog>();
        startup.Migrated(database.Description, environment, applied);
        if (environment is { } mine)
        {
            var other = mine == GatewayEnvironment.Test ? GatewayEnvironment.Production : GatewayEnvironment.Test;
            startup.SharedWithOtherEnvironment(mine, await new Data.Agreements.AgreementStore(dataSource).CountActiveAsync(other, cancellationToken));
        }
        if (app.Services.GetService<SandboxProvisioner>() is { } sandbox)
        {
            await sandbox.ProvisionAsync(cancellationToken);
        }
    }

    // Settings are bound and checked once, at start-up; a mistake names its configuration key.
    private static void AddGatewayOptions(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration[$"{GatewayOptions.Section}:Environment"] is { Length: > 0 } environment && !Enum.TryParse<GatewayEnvironment>(environment, ignoreCase: false, out _))
        {
            throw new GatewayConfigurationException($"Gateway:Environment is '{environment}'; it must be Test or Production.");
        }

        // Request lines carry query strings, which may carry a CPR number (a probe of a side route, say). They are
        // never logged, whatever the configuration asks: a rule added in code comes after configuration's, and wins.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        KeepThreadsForBlockedCancellations();
        // A failed readiness check is what /health/ready answers; logged too, it would be stack traces every few seconds
        // of an outage (which is told once, event 111).
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        var services = builder.Services;
        services.AddOptions<GatewayOptions>()
            .Bind(configuration.GetSection(GatewayOptions.Section))
            .Validate(o => o.MaxRequestBytes is > 0 and <= int.MaxValue, "Gateway:MaxRequestBytes must be between 1 and 2147483647.")
            .Validate(o => o.Environment is not null, "Gateway:Environment must be Test or Production when ConnectionStrings:Gateway is set.")
            .ValidateOnStart();
        services.AddOptions<RegistrationPolicy>()
            .Bind(configuration.GetSection($"{GatewayOptions.Section}:Registration"))
            .Validate(p => p.LateAfterWorkingDays is >= 0 and <= 250, "Gateway:Registration:LateAfterWorkingDays must be between 0 and 250.")
            .Validate(p => p.NextContactWarningMonths is >= 1 and <= 24, "Gateway:Registration:NextContactWarningMonths must be between 1 and 24.")
            .Validate(p => TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZone, out _), "Gateway:Registration:TimeZone names no time zone known to this machine.")
            .ValidateOnStart();
        services.AddOptions<SupervisionPolicy>()
            .Bind(configuration.GetSection($"{GatewayOptions.Section}:Supervision"))
            .Validate(p => p.OverdueAfterMonths is >= 1 and <= 24, "Gateway:Supervision:OverdueAfterMonths must be between 1 and 24.")
            .ValidateOnStart();
        // No Server header tells anyone what answers, and only HTTP/1.1 is offered: SOAP clients speak it, and HTTP/2's
        // stream resets and flow control are attack surface that no caller of this service needs.
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http1);
        });
    }

    // The data source is built on first use, after PrepareGatewayAsync has chosen the server.
    private static IServiceCollection AddGatewayDatabase(this IServiceCollection services)
    {
        services.AddSingleton<GatewayDatabase>();
        services.AddSingleton<DatabaseAvailability>();
        services.AddSingleton(sp => GatewayDataSource.Create(sp.GetRequiredService<GatewayDatabase>().ConnectionString, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<RegistrationStore>();
        services.AddSingleton<IRegistrationStore>(sp => sp.GetRequiredService<RegistrationStore>());
        return services;
    }

    // What the gateway decides and records, on one calendar and one clock.
    private static IServiceCollection AddGatewayOperations(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DanishCalendar.Of(sp.GetRequiredService<IOptions<RegistrationPolicy>>().Value.TimeZone, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RegistrationRules(sp.GetRequiredService<IOptions<RegistrationPolicy>>().Value, sp.GetRequiredService<DanishCalendar>()));
        services.AddSingleton<AccessLogStore>();
        services.AddSingleton<IAccessLog, GroupCommittedAccessLog>();
        services.AddSingleton<AccessLogSealer>();
        services.AddSingleton<RegistrationWrites>();
        services.AddSingleton<RegisterInterview>();
        services.AddSingleton<CorrectInterview>();
        services.AddSingleton<CancelInterview>();
        services.AddSingleton<GetInterview>();
        services.AddSingleton<ListRegistrations>();
        services.AddSingleton<GetContactCourse>();
        services.AddSingleton<ISupervisionStore, SupervisionStore>();
        services.AddSingleton<SupervisionFacts>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SupervisionPolicy>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RegistrationPolicy>>().Value);
        services.AddSingleton<GetSupervisionReport>();
        services.AddSingleton<ListOverdueCitizens>();
        return services;
    }

    /// <summary>
    /// Npgsql cancels a command that outlives its command timeout by connecting to the server and waiting for its answer
    /// on a thread, blocking; on a frozen server each such cancel holds a thread for the connect timeout. At most a pool's
    /// worth of commands are in flight, so a floor of threads well above that keeps the rest of the gateway (other calls,
    /// probes, metrics) answering while they wait, instead of waiting for the thread pool to grow a thread a second.
    /// </summary>
    private static void KeepThreadsForBlockedCancellations()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinWorkerThreads), completionPorts);
    }

    // Four times the default database pool (GatewayDataSource.DefaultMaxPoolSize).
    private const int MinWorkerThreads = 4 * GatewayDataSource.DefaultMaxPoolSize;
}
