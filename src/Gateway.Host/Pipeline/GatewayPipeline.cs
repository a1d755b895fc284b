using Gateway.Host.Access;
using Gateway.Host.Pipeline.Envelope;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Pipeline.Guard;
using Gateway.Host.Pipeline.Validation;
using Gateway.Host.Soap;

namespace Gateway.Host.Pipeline;

/// <summary>The request pipeline, in the order the stages run, ending in the dispatch of the operation.</summary>
internal static class GatewayPipeline
{
    /// <summary>
    /// Guard (method, path, media type, declared size) → usage (counts the outcome at the end) → fault barrier → identify
    /// (client certificate, before any of the body is read) → envelope (body, encoding, XML, DTD, limits, header blocks,
    /// operation, action) → authorize (call context header, agreement) → schema validation of the operation element →
    /// dispatch to the operation.
    /// </summary>
    public static IApplicationBuilder UseGatewayPipeline(this IApplicationBuilder app) => app
        .UseMiddleware<GuardMiddleware>()
        .UseMiddleware<UsageMiddleware>()
        .UseMiddleware<FaultBarrierMiddleware>()
        .UseMiddleware<IdentifyMiddleware>()
        .UseMiddleware<EnvelopeMiddleware>()
        .UseMiddleware<AuthorizeMiddleware>()
        .UseMiddleware<SchemaValidationMiddleware>()
        .UseMiddleware<DispatchMiddleware>();
}
