using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Gateway.Host.Telemetry;

/// <summary>
/// The sampler of a trace's first span: a trace starts only with an incoming request (a SOAP call, a page of the
/// registration tool), of which <paramref name="calls"/> decides the share. The background duties' SQL (the sealer, the
/// supervision facts, usage, the database watch, every second or so) would otherwise each start a trace of its own and
/// outnumber the calls' traces while nothing happens; their work is in the metrics. Spans under a sampled span follow it
/// (<see cref="ParentBasedSampler"/>), so a call's trace keeps every stage and statement, its group commit included.
/// </summary>
internal sealed class CallsOnlySampler(Sampler calls) : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Server ? calls.ShouldSample(samplingParameters) : Drop;
}
