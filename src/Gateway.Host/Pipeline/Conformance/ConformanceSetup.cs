using Gateway.Data.Conformance;

namespace Gateway.Host.Pipeline.Conformance;

/// <summary>The conformance stage's family: the store it records Test calls in, the standing it judges drills on, the StaleVersion drill's own correction, and its log.</summary>
internal static class ConformanceSetup
{
    public static IServiceCollection AddGatewayConformance(this IServiceCollection services) => services
        .AddSingleton<ConformanceStore>()
        .AddSingleton<ConformanceStanding>()
        .AddSingleton<StaleVersionDrill>()
        .AddSingleton<ConformanceLog>();
}
