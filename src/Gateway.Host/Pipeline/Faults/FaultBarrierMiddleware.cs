using Gateway.Domain.Faults;
using Gateway.Host.Hosting;

namespace Gateway.Host.Pipeline.Faults;

/// <summary>
/// The fault stage for what a pipeline stage throws: a <see cref="GatewayException"/> (for example the store being
/// unavailable while a certificate is looked up) becomes its coded fault, and an unreachable database is noted for the
/// outage event (<see cref="DatabaseAvailability"/>); anything else becomes <c>Server.Internal</c>.
/// Nothing thrown leaves the gateway as a bare HTTP 500 or an exception text.
/// </summary>
internal sealed class FaultBarrierMiddleware(RequestDelegate next, FaultLog log, DatabaseAvailability database)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        // A malformed HTTP request (a broken chunked body, say) is Kestrel's to answer, with its 4xx status.
        catch (Exception ex) when (ex is not BadHttpRequestException
            && context.Features.Get<SoapCall>() is { } call && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var refusal = ex is GatewayException coded ? coded.Refusal : new Refusal(FaultCodes.Internal);
            if (DatabaseAvailability.IsOutage(ex))
            {
                database.CallRefused(ex);
            }

            log.Refused(call, refusal, ex);
            await SoapFaultResponse.WriteAsync(context, call, refusal, logged: true);
        }
    }
}
