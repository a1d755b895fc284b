using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Faults;

namespace Gateway.Host.Pipeline.Limits;

/// <summary>
/// The load stage, once a call's body is whole and before anything touches the database for it: at most
/// <see cref="CallLimits.MaxConcurrent"/> calls are worked on at once, at most <see cref="CallLimits.MaxQueued"/> more
/// wait for a place, each no longer than <see cref="CallLimits.MaxQueueMilliseconds"/>, oldest first. A call beyond that
/// is answered <c>Server.Busy</c> with <c>Retry-After: 1</c> at once, with nothing of it done; so an overload queues
/// boundedly instead of without end, and the calls let in keep their latency.
/// </summary>
internal sealed class LoadSheddingMiddleware(RequestDelegate next, CallAdmission admission)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            await next(context);
            return;
        }

        using var place = await admission.EnterAsync(context.RequestAborted);
        if (!place.IsAcquired)
        {
            context.Response.Headers.RetryAfter = "1";
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.Busy));
            return;
        }

        await next(context);
    }
}
