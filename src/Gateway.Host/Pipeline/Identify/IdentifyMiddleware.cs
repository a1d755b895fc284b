using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Telemetry;

namespace Gateway.Host.Pipeline.Identify;

/// <summary>
/// Identify (§ 5 nr. 1), by <see cref="CallerIdentity"/>. The TLS handshake lets any certificate through so that a
/// refusal arrives as a SOAP fault the caller can read, not as a dropped connection. Runs before any XML is parsed.
/// </summary>
internal sealed class IdentifyMiddleware(RequestDelegate next, CallerIdentity identity)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            await next(context);
            return;
        }

        Outcome<Guid> identified;
        using (GatewayMetrics.Activities.StartActivity("gateway.identify"))
        {
            identified = await identity.IdentifyAsync(context);
        }

        if (identified.IsRefused)
        {
            await SoapFaultResponse.WriteAsync(context, call, identified.Refusal);
            return;
        }

        call.ItSystemId = identified.Value;
        await next(context);
    }
}
