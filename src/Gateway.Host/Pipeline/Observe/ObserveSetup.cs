using Gateway.Data.Conformance;

namespace Gateway.Host.Pipeline.Observe;

/// <summary>The observe stage's family: the store it records Test calls in, and its log.</summary>
internal static class ObserveSetup
{
    public static IServiceCollection AddGatewayObserve(this IServiceCollection services) => services
        .AddSingleton<ConformanceStore>()
        .AddSingleton<ObserveLog>();
}
