using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Data.Registrations;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Calendar;
using Gateway.Domain.Registrations;
using Gateway.Host.Access;
using Gateway.Host.Pipeline;
using Gateway.Host.Pipeline.Envelope;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Pipeline.Guard;
using Gateway.Host.Pipeline.Validation;
using Gateway.Host.Sandbox;
using Gateway.Host.Soap;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gateway.Host.Hosting;

/// <summary>How the gateway is put together. <c>Program.cs</c> and the tests compose it through these same calls.</summary>
public static class GatewayComposition
{
    /// <summary>Registers options, the database, the domain operations, the pipeline stages and the SOAP dispatcher.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Request lines carry query strings, which may carry a CPR number (a probe of a side route, say). They are
        // never logged, whatever the configuration asks: a rule added in code comes after configuration's, and wins.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.Section))
            .Validate(o => o.MaxRequestBytes is > 0 and <= int.MaxValue, "Gateway:MaxRequestBytes must be between 1 and 2147483647.")
            .Validate(o => o.Environment is not null, "Gateway:Environment must be Test or Production when ConnectionStrings:Gateway is set.")
            .ValidateOnStart();
        services.AddOptions<EnvelopeLimits>()
            .Bind(builder.Configuration.GetSection(EnvelopeLimits.Section))
            .Validate(l => l.MaxDepth >= 8 && l.MaxAttributesPerElement >= 4 && l.MaxNamespaceDeclarations >= 4 && l.MaxNameLength >= 64,
                "Gateway:Envelope limits are below what a message of the contract needs: MaxDepth ≥ 8, MaxAttributesPerElement ≥ 4, MaxNamespaceDeclarations ≥ 4, MaxNameLength ≥ 64.")
            .ValidateOnStart();
        // No Server header tells anyone what answers.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddOptions<RegistrationPolicy>()
            .Bind(builder.Configuration.GetSection($"{GatewayOptions.Section}:Registration"))
            .Validate(p => p.LateAfterWorkingDays is >= 0 and <= 250, "Gateway:Registration:LateAfterWorkingDays must be between 0 and 250.")
            .Validate(p => p.NextContactWarningMonths is >= 1 and <= 24, "Gateway:Registration:NextContactWarningMonths must be between 1 and 24.")
            .Validate(p => TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZone, out _), "Gateway:Registration:TimeZone names no time zone known to this machine.")
            .ValidateOnStart();

        // Database: the data source is built on first use, after PrepareGatewayAsync has chosen the server.
        services.AddSingleton<GatewayDatabase>();
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<GatewayDatabase>().ConnectionString));
        services.AddSingleton<IRegistrationStore, RegistrationStore>();

        // Domain operations.
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DanishCalendar.Of(sp.GetRequiredService<IOptions<RegistrationPolicy>>().Value.TimeZone, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RegistrationRules(sp.GetRequiredService<IOptions<RegistrationPolicy>>().Value, sp.GetRequiredService<DanishCalendar>()));
        services.AddSingleton<AccessLogStore>();
        services.AddSingleton<IAccessLog, GroupCommittedAccessLog>();
        services.AddSingleton<AccessLogSealer>();
        services.AddHostedService<AccessLogSealing>();
        services.AddSingleton<RegistrationWrites>();
        services.AddSingleton<RegisterInterview>();
        services.AddSingleton<CorrectInterview>();
        services.AddSingleton<CancelInterview>();
        services.AddSingleton<GetInterview>();
        services.AddSingleton<ListRegistrations>();
        services.AddSingleton<GetContactCourse>();

        // Who may call: TLS, certificates, agreements, usage.
        builder.AddGatewayAccess();

        // Pipeline stages and the fault stage.
        services.AddHttpContextAccessor();
        services.AddSingleton<ContractDocumentsResponder>();
        services.AddSingleton<ContractSchemas>();
        services.AddSingleton<FaultLog>();
        services.AddSingleton<StartupLog>();
        services.AddSingleton<ContactCourseEndpoint>();
        return builder;
    }

    /// <summary>The request pipeline, in order: guard → identify → envelope → authorize → schema validation → dispatch (see <see cref="GatewayPipeline"/>).</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseGatewayPipeline();
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
        var applied = await SchemaMigrator.ApplyAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        await TransactionIds.EnsureAheadOfStoredAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        app.Services.GetRequiredService<StartupLog>().Migrated(database.Description, app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Environment, applied);
        if (app.Services.GetService<SandboxProvisioner>() is { } sandbox)
        {
            await sandbox.ProvisionAsync(cancellationToken);
        }
    }
}
