using Gateway.Host.Management;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Gateway.IntegrationTests.Host.Management;

/// <summary>
/// Which traces a gateway with an OTLP endpoint starts: one per call, none for its background duties' SQL (the sealer,
/// the supervision facts and the database watch run every second) and none for the management listener's probes and
/// scrapes, which would otherwise outnumber the calls' traces. The receiver runs in this process, so its own requests
/// (the exports) are traced as well; they are told from the gateway's by what they carry.
/// </summary>
[TestFixture]
[NonParallelizable] // Like TelemetryTests: meters and activity listeners are heard across the process.
public sealed class TraceSamplingTests
{
    [Test]
    public async Task Otlp_IdleGatewayAndItsProbes_StartNoTraceOnlyCallsDo()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var gateway = await TestGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Telemetry:OtlpEndpoint"] = collector.Address });
        using var management = new HttpClient { BaseAddress = new Uri(gateway.Services.GetRequiredService<ManagementServer>().Addresses.Single()) };
        var traces = gateway.Services.GetRequiredService<TracerProvider>();

        // Let the duties run a few times, and probe and scrape as monitoring would.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await management.GetStringAsync("/health/ready");
        await management.GetStringAsync("/metrics");
        Assert.That(traces.ForceFlush(10_000), Is.True, "the exporter took what was there");
        var idle = Text(collector);

        await gateway.Client().Ping();
        Assert.That(traces.ForceFlush(10_000), Is.True);
        var afterCall = Text(collector);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(idle, Does.Not.Contain("postgresql").And.Not.Contain("db.query.text"), "no span of the background duties' SQL");
            Assert.That(idle, Does.Not.Contain("gateway."), "no span of the gateway's own");
            Assert.That(afterCall, Does.Contain("gateway.dispatch Ping").And.Contain("gateway.authorize"), "a call's trace is exported");
            Assert.That(afterCall, Does.Not.Contain("GET /health").And.Not.Contain("GET /metrics"), "no probe or scrape");
        }
    }

    private static string Text(OtlpReceiver collector) =>
        string.Join('\n', collector.Bodies("traces").Select(b => System.Text.Encoding.Latin1.GetString(b)));
}
