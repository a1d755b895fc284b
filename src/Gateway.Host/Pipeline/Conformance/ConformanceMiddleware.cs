using Gateway.Data.Conformance;
using Gateway.Domain.Agreements;
using Gateway.Domain.Conformance;
using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Faults;

namespace Gateway.Host.Pipeline.Conformance;

/// <summary>
/// The conformance stage, in the Test environment only: records each admitted call with its outcome for the
/// conformance scenarios (<see cref="ConformanceCatalogue"/>) before the answer leaves, so a caller that has its answer
/// has its call counted; and, for an IT system whose drills are switched on, runs the drill that is due
/// (<see cref="ConformanceDrills"/>): refuses a write in an outage, corrects a registration first so that the caller's
/// correction is stale, or withholds the answer of a stored registration. Calls under Production agreements pass
/// straight through and pay nothing.
/// </summary>
internal sealed class ConformanceMiddleware(RequestDelegate next, ConformanceStore store, ConformanceStanding standing, StaleVersionDrill stale, ConformanceLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { Admission.Agreement.Environment: GatewayEnvironment.Test } call)
        {
            await next(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        var drill = await DueAsync(call, cancellationToken);

        // The answer is held back until the call is recorded; a drill may replace it.
        var body = context.Response.Body;
        var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            switch (drill)
            {
                case ConformanceDrill.Outage:
                    log.Drilled(call.CorrelationId, drill.Value);
                    await SoapFaultResponse.WriteAsync(context, call, Drilled(drill.Value), logged: true);
                    break;
                case ConformanceDrill.StaleVersion:
                    // Only for a call every later check admits: a correction the XSD refuses must not change anything.
                    var corrected = false;
                    call.BeforeDispatch = async token => corrected = await stale.RunAsync(call, token);
                    await next(context);
                    drill = corrected ? drill : null;
                    if (corrected)
                    {
                        log.Drilled(call.CorrelationId, ConformanceDrill.StaleVersion);
                    }

                    break;
                default:
                    await next(context);
                    if (drill == ConformanceDrill.LostAnswer && call is { Refusal: null, Answer: not null })
                    {
                        // Stored, and the answer lost on its way: the caller hears only that the gateway was unavailable.
                        await answer.DisposeAsync();
                        answer = new MemoryStream();
                        context.Response.Body = answer;
                        log.Drilled(call.CorrelationId, drill.Value);
                        await SoapFaultResponse.WriteAsync(context, call, Drilled(drill.Value), logged: true);
                    }
                    else
                    {
                        drill = null;
                    }

                    break;
            }
        }
        finally
        {
            context.Response.Body = body;
        }

        await using (answer)
        {
            await RecordAsync(call, drill, cancellationToken);
            answer.Position = 0;
            await answer.CopyToAsync(body, cancellationToken);
        }
    }

    private static Refusal Drilled(ConformanceDrill drill) => new(FaultCodes.StoreUnavailable) { DrillText = ConformanceDrills.FaultText(drill) };

    private async Task<ConformanceDrill?> DueAsync(SoapCall call, CancellationToken cancellationToken)
    {
        if (!await store.DrillsOnAsync(call.ItSystemId, cancellationToken))
        {
            return null;
        }

        var target = await standing.TargetAsync(call.ItSystemId, cancellationToken);
        var calls = await store.ObservationsAsync(call.ItSystemId, cancellationToken);
        var plan = ConformanceDrills.Plan(target, calls, call.Operation!.Name, CallObservation.RequestIdOf(call));
        if (plan.Done)
        {
            // Nothing left to drill: switched off, so that later Test calls stop re-reading every observation.
            await store.SwitchDrillsAsync(call.ItSystemId, false, "gateway", "Every drill scenario is passed; the gateway switched the drills off.", cancellationToken);
        }

        return plan.Drill;
    }

    private async Task RecordAsync(SoapCall call, ConformanceDrill? drill, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordAsync(call.ItSystemId, CallObservation.Of(call) with { Drill = drill }, cancellationToken);
        }
        catch (Exception exception) when (Hosting.DatabaseAvailability.IsOutage(exception))
        {
            // During an outage (told once, event 111) every call would log this with a stack trace: Debug, without one.
            log.NotRecordedInOutage(call.CorrelationId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The caller's answer stands; the call only goes unseen by the conformance judgement.
            log.NotRecorded(call.CorrelationId, exception);
        }
    }
}
