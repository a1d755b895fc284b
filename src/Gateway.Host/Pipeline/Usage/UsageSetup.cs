using Gateway.Data.Agreements;

namespace Gateway.Host.Pipeline.Usage;

/// <summary>The usage stage's family: the in-memory counter and the store its counts are flushed to.</summary>
internal static class UsageSetup
{
    public static IServiceCollection AddGatewayUsage(this IServiceCollection services)
    {
        services.AddSingleton<UsageCounter>();
        services.AddSingleton<UsageStore>();
        return services;
    }
}
