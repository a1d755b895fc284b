using Gateway.Host.Access;
using Gateway.Host.Pipeline.Envelope;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Pipeline.Guard;
using Gateway.Host.Pipeline.Validation;

namespace Gateway.Host.Pipeline;

/// <summary>The request pipeline in front of the SOAP dispatcher, in the order the stages run.</summary>
internal static class GatewayPipeline
{
    /// <summary>
    /// Guard (method, path, media type, size) → usage (counts the outcome at the end) → fault barrier → identify
    /// (client certificate, before any XML is parsed) → envelope (XML, DTD, operation, action) → authorize (call
    /// context header, agreement) → schema validation of the body.
    /// </summary>
    public static IApplicationBuilder UseGatewayPipeline(this IApplicationBuilder app) => app
        .UseMiddleware<GuardMiddleware>()
        .UseMiddleware<UsageMiddleware>()
        .UseMiddleware<FaultBarrierMiddleware>()
        .UseMiddleware<IdentifyMiddleware>()
        .UseMiddleware<EnvelopeMiddleware>()
        .UseMiddleware<AuthorizeMiddleware>()
        .UseMiddleware<SchemaValidationMiddleware>();
}
