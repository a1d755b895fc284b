using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Telemetry;

namespace Gateway.Host.Pipeline.Validation;

/// <summary>
/// The third stage: the operation element must be valid against the published XSD. XmlSerializer would
/// otherwise silently drop unknown elements and default missing ones; after this stage it cannot.
/// </summary>
internal sealed class SchemaValidationMiddleware(RequestDelegate next, ContractSchemas schemas)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is { Payload: { } payload } call)
        {
            IReadOnlyList<FieldViolation> violations;
            using (GatewayMetrics.Activities.StartActivity("gateway.validate"))
            {
                violations = schemas.Validate(payload);
            }

            if (violations.Count > 0)
            {
                await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.SchemaViolation, violations));
                return;
            }
        }

        await next(context);
    }
}
