using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Soap;
using Gateway.Host.Telemetry;

namespace Gateway.Host.Pipeline.Dispatch;

/// <summary>
/// The last stage: dispatches the admitted, validated call to its operation (<see cref="ContactCourseEndpoint"/>) and
/// answers with the operation's response or its refusal. The operation reads the same tree the pipeline checked.
/// </summary>
internal sealed class DispatchMiddleware(RequestDelegate next, ContactCourseEndpoint endpoint)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { Operation: { } operation, Payload: { } payload, Admission: { } admitted } call)
        {
            await next(context);
            return;
        }

        if (call.BeforeDispatch is { } before)
        {
            await before(context.RequestAborted);
        }

        using var span = GatewayMetrics.Activities.StartActivity("gateway.dispatch " + operation.Name);
        var outcome = await endpoint.InvokeAsync(operation, new OperationRequest(payload), admitted, context.RequestAborted);
        if (outcome.IsRefused)
        {
            await SoapFaultResponse.WriteAsync(context, call, outcome.Refusal);
            return;
        }

        call.Answer = outcome.Value;
        await SoapResponse.WriteAsync(context, call.Version, StatusCodes.Status200OK, outcome.Value.WriteTo);
    }
}
