namespace Gateway.Host.Background;

/// <summary>The gateway's background duties, each a <see cref="PeriodicDuty"/>.</summary>
internal static class BackgroundSetup
{
    public static IServiceCollection AddGatewayBackgroundDuties(this IServiceCollection services)
    {
        services.AddHostedService<DatabaseWatch>();
        services.AddHostedService<AccessChangeListener>();
        services.AddSingleton<SealerProgress>();
        services.AddHostedService<AccessLogSealing>();
        services.AddHostedService<AgreementExpiry>();
        services.AddHostedService<SupervisionFactKeeping>();
        services.AddSingleton<UsageFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageFlusher>());
        return services;
    }
}
