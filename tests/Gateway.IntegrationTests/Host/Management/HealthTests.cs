using System.Net;
using System.Text.Json;
using Gateway.Host.Management;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Management;

/// <summary>
/// /health/live and /health/ready on the management listener, read over real HTTP from a running gateway on a real
/// PostgreSQL: every check is there, a long transaction and a missing migration show, probes share one evaluation,
/// and nothing of it answers on the SOAP port.
/// </summary>
[TestFixture]
public sealed class HealthTests
{
    private static readonly string[] Checks = ["database", "migrations", "change-listener", "sealer-lag", "oldest-transaction", "certificates"];
    private TestGateway _gateway = null!;
    private HttpClient _management = null!;

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _gateway = await TestGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Management:CacheSeconds"] = "0",
            ["Gateway:Management:OldestTransactionDegradedSeconds"] = "1",
        });
        _management = ManagementClient(_gateway);
    }

    [OneTimeTearDown]
    public async Task StopGateway()
    {
        _management.Dispose();
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task Live_OnTheManagementListener_IsAlive()
    {
        using var response = await _management.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString(), Is.EqualTo("Alive"));
    }

    [Test]
    public async Task Ready_RunningGateway_IsHealthyAndNamesEveryCheck()
    {
        using var response = await _management.GetAsync("/health/ready");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = root.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(checks.Keys, Is.EquivalentTo(Checks));
            Assert.That(checks["database"], Is.EqualTo("Healthy"));
            Assert.That(checks["migrations"], Is.EqualTo("Healthy"));
            Assert.That(checks["change-listener"], Is.EqualTo("Healthy"));
            Assert.That(checks["certificates"], Is.EqualTo("Healthy"));
        }
    }

    [Test]
    public async Task Ready_TransactionHeldOpenPastTheThreshold_IsDegradedButServes()
    {
        await using var connection = await _gateway.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand("select 1", connection, transaction))
        {
            await command.ExecuteScalarAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var response = await _management.GetAsync("/health/ready");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var oldest = root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "oldest-transaction");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Degraded still serves");
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(oldest.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(oldest.GetProperty("description").GetString(), Does.Contain("pg_stat_activity"));
        }
    }

    [Test]
    public async Task Ready_MigrationNotApplied_IsUnhealthyWith503()
    {
        await using var gateway = await TestGateway.StartAsync();
        using var management = ManagementClient(gateway);
        await using (var command = gateway.DataSource.CreateCommand("delete from schema_migration where name = (select max(name) from schema_migration)"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(2.1)); // past the default cache
        using var response = await management.GetAsync("/health/ready");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var migrations = root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "migrations");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
            Assert.That(migrations.GetProperty("description").GetString(), Does.Contain($"Not applied: {Gateway.Data.Database.SchemaMigrator.Scripts[^1]}."));
        }
    }

    [Test]
    public async Task Ready_ProbeStorm_SharesOneEvaluationPerCacheWindow()
    {
        await using var gateway = await TestGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Management:CacheSeconds"] = "30" });
        using var management = ManagementClient(gateway);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await management.GetAsync("/health/ready");
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checkedAt").GetString();
        }));

        Assert.That(answers.Distinct().Count(), Is.EqualTo(1), "forty probes, one evaluation");
    }

    [TestCase("/health/ready")]
    [TestCase("/health/live")]
    [TestCase("/metrics")]
    public async Task Health_OnTheSoapPort_IsNotServed(string path)
    {
        using var response = await _gateway.Http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static HttpClient ManagementClient(TestGateway gateway) =>
        new() { BaseAddress = new Uri(gateway.Services.GetRequiredService<ManagementServer>().Addresses.Single()) };
}
