using Gateway.Domain.Faults;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Pipeline.Limits;

/// <summary>
/// The deadline stage, inside the fault barrier: gives the call its <see cref="CallDeadline"/> as <c>RequestAborted</c>,
/// so that no wait of a later stage (the database above all, even one that does not answer at all) outlasts it. A call
/// still waiting at its deadline becomes <c>Server.Unavailable</c> for the fault barrier to answer. A call whose caller has
/// gone is over whatever it was doing: nobody is left to answer, it is counted <c>Aborted</c> and logged at Debug (event
/// 1201), never as a server failure.
/// </summary>
internal sealed class DeadlineMiddleware(RequestDelegate next, IOptions<CallLimits> limits, TimeProvider clock, LimitsLog log)
{
    private readonly TimeSpan _deadline = limits.Value.Deadline;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            await next(context);
            return;
        }

        var callerGone = context.RequestAborted;
        using var deadline = new CallDeadline(_deadline, clock, callerGone);
        call.Deadline = deadline;
        context.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        catch (Exception ex) when (callerGone.IsCancellationRequested)
        {
            call.Aborted = true;
            log.CallerGone(call.CorrelationId, call.Operation?.Name ?? "-", ex);
        }
        catch (OperationCanceledException ex) when (deadline.Passed)
        {
            throw new GatewayException(FaultCodes.StoreUnavailable,
                new TimeoutException($"a call waited longer than its deadline of {_deadline.TotalSeconds:0.#} s (Gateway:Calls:DeadlineSeconds)", ex));
        }
        finally
        {
            context.RequestAborted = callerGone;
        }
    }
}
