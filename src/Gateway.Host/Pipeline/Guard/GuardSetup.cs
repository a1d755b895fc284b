namespace Gateway.Host.Pipeline.Guard;

/// <summary>The guard stage's family: the responder that serves the published WSDL and XSDs.</summary>
internal static class GuardSetup
{
    public static IServiceCollection AddGatewayGuard(this IServiceCollection services) =>
        services.AddSingleton<ContractDocumentsResponder>();
}
