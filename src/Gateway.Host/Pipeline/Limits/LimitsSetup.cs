namespace Gateway.Host.Pipeline.Limits;

/// <summary>The deadline and load stages' family: their limits, bound and checked once at start-up, the working places and the log.</summary>
internal static class LimitsSetup
{
    public static IServiceCollection AddGatewayLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LimitsLog>();
        services.AddSingleton<CallAdmission>();
        services.AddOptions<CallLimits>()
            .Bind(configuration.GetSection(CallLimits.Section))
            .Validate(l => l.DeadlineSeconds >= 1 && l.MaxConcurrent >= 1 && l.MaxQueued >= 0 && l.MaxQueueMilliseconds >= 0,
                "Gateway:Calls limits must be DeadlineSeconds ≥ 1, MaxConcurrent ≥ 1, MaxQueued ≥ 0 and MaxQueueMilliseconds ≥ 0.")
            .ValidateOnStart();
        return services;
    }
}
