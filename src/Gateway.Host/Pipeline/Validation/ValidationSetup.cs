namespace Gateway.Host.Pipeline.Validation;

/// <summary>The schema-validation stage's family: the published XSDs, compiled once.</summary>
internal static class ValidationSetup
{
    public static IServiceCollection AddGatewaySchemaValidation(this IServiceCollection services) =>
        services.AddSingleton<ContractSchemas>();
}
