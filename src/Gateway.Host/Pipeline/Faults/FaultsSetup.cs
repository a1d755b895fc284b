namespace Gateway.Host.Pipeline.Faults;

/// <summary>The fault stage's family: its log.</summary>
internal static class FaultsSetup
{
    public static IServiceCollection AddGatewayFaults(this IServiceCollection services) =>
        services.AddSingleton<FaultLog>();
}
