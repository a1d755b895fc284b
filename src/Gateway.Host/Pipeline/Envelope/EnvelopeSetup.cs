namespace Gateway.Host.Pipeline.Envelope;

/// <summary>The envelope stage's family: its structural limits, bound and checked once at start-up.</summary>
internal static class EnvelopeSetup
{
    public static IServiceCollection AddGatewayEnvelope(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EnvelopeLog>();
        services.AddOptions<EnvelopeLimits>()
            .Bind(configuration.GetSection(EnvelopeLimits.Section))
            .Validate(l => l.MaxDepth >= 8 && l.MaxAttributesPerElement >= 4 && l.MaxNamespaceDeclarations >= 4 && l.MaxNameLength >= 64 && l.MaxBodySeconds >= 1,
                "Gateway:Envelope limits are below what a message of the contract needs: MaxDepth ≥ 8, MaxAttributesPerElement ≥ 4, MaxNamespaceDeclarations ≥ 4, MaxNameLength ≥ 64, MaxBodySeconds ≥ 1.")
            .ValidateOnStart();
        return services;
    }
}
