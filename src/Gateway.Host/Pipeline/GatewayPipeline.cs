using Gateway.Host.Pipeline.Authorize;
using Gateway.Host.Pipeline.Conformance;
using Gateway.Host.Pipeline.Dispatch;
using Gateway.Host.Pipeline.Envelope;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Pipeline.Guard;
using Gateway.Host.Pipeline.Identify;
using Gateway.Host.Pipeline.Limits;
using Gateway.Host.Pipeline.Usage;
using Gateway.Host.Pipeline.Validation;

namespace Gateway.Host.Pipeline;

/// <summary>
/// The request pipeline, in the order the stages run, ending in the dispatch of the operation. Each stage is a folder
/// of its own under <c>Pipeline/</c>: its middleware, its options, its log messages and its registration.
/// </summary>
internal static class GatewayPipeline
{
    /// <summary>Registers what the stages need.</summary>
    public static WebApplicationBuilder AddGatewayPipeline(this WebApplicationBuilder builder, TlsOptions tls)
    {
        builder.AddGatewayIdentify(tls);
        builder.Services
            .AddGatewayGuard()
            .AddGatewayUsage()
            .AddGatewayFaults()
            .AddGatewayLimits(builder.Configuration)
            .AddGatewayEnvelope(builder.Configuration)
            .AddGatewayConformance()
            .AddGatewaySchemaValidation()
            .AddGatewayDispatch();
        return builder;
    }

    /// <summary>
    /// Guard (method, path, media type, declared size) → usage (counts the outcome at the end) → fault barrier → deadline
    /// (no wait outlasts the call's deadline) → identify (client certificate, before any of the body is read) → envelope
    /// (body, encoding, XML, DTD, limits, header blocks, operation, action) → load (a working place, or <c>Server.Busy</c>)
    /// → authorize (call context header, agreement) → conformance (in the Test environment: records the
    /// call before its answer leaves, and runs a due drill) → schema validation of the operation element → dispatch to the
    /// operation.
    /// </summary>
    public static IApplicationBuilder UseGatewayPipeline(this IApplicationBuilder app) => app
        .UseMiddleware<GuardMiddleware>()
        .UseMiddleware<UsageMiddleware>()
        .UseMiddleware<FaultBarrierMiddleware>()
        .UseMiddleware<DeadlineMiddleware>()
        .UseMiddleware<IdentifyMiddleware>()
        .UseMiddleware<EnvelopeMiddleware>()
        .UseMiddleware<LoadSheddingMiddleware>()
        .UseMiddleware<AuthorizeMiddleware>()
        .UseMiddleware<ConformanceMiddleware>()
        .UseMiddleware<SchemaValidationMiddleware>()
        .UseMiddleware<DispatchMiddleware>();
}
