using System.Globalization;
using System.ServiceModel;
using Gateway.Host.Management;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Management;

/// <summary>
/// Metrics and traces from a running gateway on a real PostgreSQL: the Prometheus text on the management listener counts
/// calls by operation and outcome and carries the gateway's state, ASP.NET Core's, the runtime's and Npgsql's meters; with
/// an OTLP endpoint configured (a receiver on loopback here), metrics and the traces of calls through the pipeline's
/// stages to the SQL are exported. Counts are compared before and after a test's calls.
/// </summary>
[TestFixture]
[NonParallelizable] // Meters are heard by name across the process: another fixture's gateway would add its calls, and take them away when it stops.
public sealed class TelemetryTests
{
    private OtlpReceiver _collector = null!;
    private TestGateway _gateway = null!;
    private HttpClient _management = null!;

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _collector = await OtlpReceiver.StartAsync();
        _gateway = await TestGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Telemetry:OtlpEndpoint"] = _collector.Address,
            ["Gateway:Telemetry:OtlpMetricIntervalSeconds"] = "1",
        });
        _management = new HttpClient { BaseAddress = new Uri(_gateway.Services.GetRequiredService<ManagementServer>().Addresses.Single()) };
    }

    [OneTimeTearDown]
    public async Task StopGateway()
    {
        _management.Dispose();
        await _gateway.DisposeAsync();
        await _collector.DisposeAsync();
    }

    [Test]
    public async Task Scrape_AfterCalls_CountsThemByOperationAndOutcome()
    {
        var client = _gateway.Client();
        var before = await ScrapeAsync();

        foreach (var _ in Enumerable.Range(0, 3))
        {
            await client.Ping();
        }

        Assert.ThrowsAsync<FaultException<Gateway.Contracts.Types.GatewayFault>>(() => client.GetInterview(Guid.NewGuid()));
        // The exporter answers a scrape from its last one for a moment (so a storm of scrapes costs one): read again until new.
        var after = before;
        await Eventually.HoldsAsync(async () => Sum(after = await ScrapeAsync(), "gateway_calls_total", ("operation", "GetInterview")) > Sum(before, "gateway_calls_total", ("operation", "GetInterview")),
            "a scrape with the calls in it");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sum(after, "gateway_calls_total", ("operation", "Ping"), ("outcome", "Success"))
                - Sum(before, "gateway_calls_total", ("operation", "Ping"), ("outcome", "Success")), Is.EqualTo(3));
            Assert.That(Sum(after, "gateway_calls_total", ("operation", "GetInterview"), ("outcome", "Client.NotFound.Registration"))
                - Sum(before, "gateway_calls_total", ("operation", "GetInterview"), ("outcome", "Client.NotFound.Registration")), Is.EqualTo(1));
            Assert.That(Sum(after, "gateway_call_duration_seconds_count", ("operation", "Ping"))
                - Sum(before, "gateway_call_duration_seconds_count", ("operation", "Ping")), Is.EqualTo(3));
            Assert.That(Sum(after, "gateway_request_size_bytes_count", ("operation", "GetInterview")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sum(after, "gateway_authorization_lookups_total", ("what", "agreement")), Is.GreaterThanOrEqualTo(4));
        }
    }

    [Test]
    public async Task Scrape_RunningGateway_CarriesItsStateAndTheFrameworksMeters()
    {
        await _gateway.Client().GetContactCourse(TestCitizens.Next());
        await _gateway.Client().RegisterInterview(SampleRegistrations.Minimal(TestCitizens.Next()));
        string scrape = "";
        await Eventually.HoldsAsync(async () => (scrape = await ScrapeAsync()) is var text
            && text.Contains("gateway_access_log_sealer_lag_seconds", StringComparison.Ordinal)
            && text.Contains("gateway_access_log_commit_entries_bucket", StringComparison.Ordinal)
            && text.Contains("gateway_registration_commit_writes_bucket", StringComparison.Ordinal),
            "the sealer's lag after its first pass, and the group commits of the read's entry and of the write");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sum(scrape, "gateway_change_listener_caching"), Is.GreaterThanOrEqualTo(1), "this gateway listens");
            Assert.That(scrape, Does.Contain("gateway_access_log_commit_entries_bucket"), "the group commit of the read's entry");
            Assert.That(scrape, Does.Contain("http_server_request_duration_seconds_bucket"), "ASP.NET Core");
            Assert.That(scrape, Does.Contain("dotnet_gc_"), "the runtime");
            Assert.That(scrape, Does.Contain("db_client_"), "Npgsql");
            Assert.That(scrape, Does.Not.Contain("gateway_database_embedded_up"), "an external database has no embedded state");
        }
    }

    [Test]
    public async Task Otlp_ACallsTrace_GoesThroughThePipelineStagesToTheSql()
    {
        await _gateway.Client().RegisterInterview(SampleRegistrations.Complete(TestCitizens.Next()));

        string[] expected = ["gateway.identify", "gateway.envelope", "gateway.authorize", "gateway.validate", "gateway.dispatch RegisterInterview",
            "gateway.commit registration", "postgresql", "contactcourse-gateway"];
        await Eventually.HoldsAsync(() => Traces() is var text && expected.All(e => text.Contains(e, StringComparison.Ordinal)),
            "spans of every stage and of the SQL, exported over OTLP");
        await Eventually.HoldsAsync(() => string.Join('\n', _collector.Bodies("metrics").Select(b => System.Text.Encoding.Latin1.GetString(b))).Contains("gateway.calls", StringComparison.Ordinal),
            "metrics exported over OTLP");
    }

    private string Traces() => string.Join('\n', _collector.Bodies("traces").Select(b => System.Text.Encoding.Latin1.GetString(b)));

    private async Task<string> ScrapeAsync() => await _management.GetStringAsync("/metrics");

    // The sum of the samples of a metric whose labels include every pair given.
    private static double Sum(string scrape, string metric, params (string Name, string Value)[] labels) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(l => line.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(line => double.Parse((line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[metric.Length..]).Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
