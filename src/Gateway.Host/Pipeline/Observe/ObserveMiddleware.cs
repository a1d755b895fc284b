using Gateway.Data.Conformance;
using Gateway.Domain.Agreements;

namespace Gateway.Host.Pipeline.Observe;

/// <summary>
/// In the Test environment, records each admitted call with its outcome for the conformance scenarios
/// (<see cref="Gateway.Domain.Conformance.ConformanceCatalogue"/>), before the answer leaves: once a caller has its
/// answer, the call counts. Calls under Production agreements pass straight through and pay nothing.
/// </summary>
internal sealed class ObserveMiddleware(RequestDelegate next, ConformanceStore store, ObserveLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { Admission.Agreement.Environment: GatewayEnvironment.Test } call)
        {
            await next(context);
            return;
        }

        // The answer is held back until the call is recorded; it is written exactly as the later stages made it.
        var body = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        await RecordAsync(call, context.RequestAborted);
        answer.Position = 0;
        await answer.CopyToAsync(body, context.RequestAborted);
    }

    private async Task RecordAsync(SoapCall call, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordAsync(call.ItSystemId, CallObservation.Of(call), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The caller's answer stands; the call only goes unseen by the conformance judgement.
            log.NotRecorded(call.CorrelationId, exception);
        }
    }
}
