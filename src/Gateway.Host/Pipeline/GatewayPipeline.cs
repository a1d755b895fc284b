using Gateway.Host.Pipeline.Envelope;
using Gateway.Host.Pipeline.Guard;
using Gateway.Host.Pipeline.Validation;

namespace Gateway.Host.Pipeline;

/// <summary>The request pipeline in front of the SOAP dispatcher, in the order the stages run.</summary>
internal static class GatewayPipeline
{
    /// <summary>Guard (method, path, media type, size) → envelope (XML, DTD, operation, action) → schema validation.</summary>
    public static IApplicationBuilder UseGatewayPipeline(this IApplicationBuilder app) => app
        .UseMiddleware<GuardMiddleware>()
        .UseMiddleware<EnvelopeMiddleware>()
        .UseMiddleware<SchemaValidationMiddleware>();
}
