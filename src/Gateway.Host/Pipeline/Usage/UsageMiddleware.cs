using System.Diagnostics;
using Gateway.Host.Telemetry;

namespace Gateway.Host.Pipeline.Usage;

/// <summary>
/// Counts each call once it is over: against its agreement, by operation and outcome (<c>Success</c> or the fault code),
/// and in the metrics (<see cref="GatewayMetrics"/>), which count every call that reached the pipeline, an agreement known or
/// not. The outcome and operation also go onto the request's span, when it is traced.
/// </summary>
internal sealed class UsageMiddleware(RequestDelegate next, UsageCounter counter, GatewayMetrics metrics)
{
    public const string Success = "Success";

    /// <summary>The outcome of a call that got no SOAP answer: its caller went away, or its body never arrived whole.</summary>
    public const string Aborted = "Aborted";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            return;
        }

        var operation = call.Operation?.Name ?? GatewayMetrics.UnknownOperation;
        // Answered, refused, or neither: the caller went away, or its body never arrived whole (no SOAP answer at all).
        var outcome = call.Refusal?.Code.Value ?? (call.Answer is not null && !call.Aborted ? Success : Aborted);
        metrics.Call(operation, outcome, Stopwatch.GetElapsedTime(started), call.RequestBytes);
        if (Activity.Current is { } span)
        {
            span.SetTag("gateway.operation", operation);
            span.SetTag("gateway.outcome", outcome);
        }

        if (call is { AgreementId: { } agreementId, Operation: { } known })
        {
            counter.Count(agreementId, known.Name, outcome);
        }
    }
}
