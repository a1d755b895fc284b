using Gateway.Host.Soap;

namespace Gateway.Host.Pipeline.Dispatch;

/// <summary>The dispatch stage's family: the SOAP adapter it hands each admitted, validated call to.</summary>
internal static class DispatchSetup
{
    public static IServiceCollection AddGatewayDispatch(this IServiceCollection services) =>
        services.AddSingleton<ContactCourseEndpoint>();
}
