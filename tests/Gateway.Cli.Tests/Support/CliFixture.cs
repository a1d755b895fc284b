using System.Text.Json;
using Gateway.Data.Conformance;
using Gateway.Data.Database;
using Gateway.Domain.Conformance;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.Cli.Tests.Support;

/// <summary>A fixture with its own database, migrated by <c>gatewayctl migrate</c>, and the registrations most tests need.</summary>
public abstract class CliFixture
{
    /// <summary>A municipality registered in every fixture's database.</summary>
    protected const string Municipality = "Municipality:101";

    /// <summary>An Employment Service unit registered in every fixture's database.</summary>
    protected const string Unit = "EmploymentServiceUnit:4001";

    /// <summary>An other actor (valid CVR) registered in every fixture's database.</summary>
    protected const string OtherActor = "OtherActor:12345674";

    private static int _systems;

    protected GatewayctlRunner Cli { get; private set; } = null!;

    protected string ConnectionString { get; private set; } = "";

    /// <summary>An IT system registered in every fixture's database.</summary>
    protected Guid SystemId { get; private set; }

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        ConnectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        Cli = new GatewayctlRunner(ConnectionString);
        await Succeeds("migrate");
        await Succeeds("authorities", "add", "--kind", "Municipality", "--code", "101", "--name", "Copenhagen");
        await Succeeds("authorities", "add", "--kind", "EmploymentServiceUnit", "--code", "4001", "--name", "AF Copenhagen");
        await Succeeds("authorities", "add", "--kind", "OtherActor", "--code", "12345674", "--name", "Job Partners ApS");
        SystemId = Guid.Parse((await Succeeds("systems", "add", "--name", "CaseSys " + GetType().Name, "--vendor-cvr", "12345674")).Stdout.Trim());
    }

    /// <summary>Runs the command line and asserts exit code 0.</summary>
    protected async Task<CliResult> Succeeds(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return result;
    }

    /// <summary>
    /// Requests a municipality agreement in the Test environment (plus <paramref name="extra"/> options) and returns its
    /// id. Its lifecycle is the Production one, without the conformance gate (see <c>ProductionGateTests</c>).
    /// </summary>
    protected Task<Guid> RequestAsync(params string[] extra) => RequestInAsync("Test", extra);

    /// <summary>Requests a municipality agreement in <paramref name="environment"/> (plus <paramref name="extra"/> options) and returns its id.</summary>
    protected Task<Guid> RequestInAsync(string environment, params string[] extra) => RequestForAsync(SystemId, environment, extra);

    /// <summary>Requests a municipality agreement for <paramref name="system"/> in <paramref name="environment"/> (plus <paramref name="extra"/> options) and returns its id.</summary>
    protected async Task<Guid> RequestForAsync(Guid system, string environment, params string[] extra)
    {
        var result = await Cli.JsonAsync([
            "agreements", "request", "--authority", Municipality, "--system", system.ToString(), "--environment", environment,
            "--reason", "Contract 2025-17 signed", .. extra]);
        return result.Json.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A Test agreement for the fixture's IT system brought to <paramref name="status"/> through the lifecycle (plus
    /// <paramref name="extra"/> options); an Expired one ended in 2020.
    /// </summary>
    protected async Task<Guid> AgreementInStatusAsync(string status, params string[] extra)
    {
        var id = status == "Expired" ? await RequestAsync(["--valid-from", "2020-01-01", "--valid-to", "2020-12-31", .. extra]) : await RequestAsync(extra);
        string[] steps = status switch
        {
            "Requested" => [],
            "Active" => ["approve"],
            "Suspended" => ["approve", "suspend"],
            "Rejected" => ["reject"],
            "Terminated" => ["approve", "terminate"],
            "Expired" => ["approve"],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a status"),
        };
        foreach (var step in steps)
        {
            await Succeeds("agreements", step, id.ToString(), "--reason", "Setting up");
        }

        if (status == "Expired")
        {
            await Succeeds("agreements", "expire");
        }

        Assert.That(await StatusOf(id), Is.EqualTo(status));
        return id;
    }

    /// <summary>A new IT system of its own, with no conformance recorded, for a test of the production gate.</summary>
    protected async Task<Guid> NewSystemAsync() =>
        Guid.Parse((await Succeeds("systems", "add", "--name", $"Gate system {Interlocked.Increment(ref _systems)}", "--vendor-cvr", "12345674")).Stdout.Trim());

    /// <summary>What the gateway records when <paramref name="system"/> pings in the Test environment, once for a case worker and once as a system call.</summary>
    protected async Task CertifyForPingAsync(Guid system) =>
        await RecordPingsAsync(ConnectionString, system, await RequestForAsync(system, "Test", "--operations", "Ping"));

    /// <summary>The two pings of <see cref="CertifyForPingAsync"/>, recorded under the Test agreement <paramref name="trial"/> in the database <paramref name="connectionString"/>.</summary>
    protected static async Task RecordPingsAsync(string connectionString, Guid system, Guid trial)
    {
        await using var dataSource = GatewayDataSource.Create(connectionString);
        var store = new ConformanceStore(dataSource);
        foreach (var (callId, systemCall) in new[] { ("kit-ping-1", false), ("kit-ping-2", true) })
        {
            await store.RecordAsync(system, new ObservedCall
            {
                Sequence = 0,
                At = default,
                AgreementId = trial,
                Operation = "Ping",
                SoapVersion = "1.1",
                Outcome = ConformanceCatalogue.Success,
                CallId = callId,
                SystemCall = systemCall,
            }, CancellationToken.None);
        }
    }

    /// <summary>
    /// Stores <paramref name="text"/> as the agreement's contact exactly as given, by hand in SQL as an operator could, or
    /// as a row stored before gatewayctl checked its texts holds it: for the tests of what is printed back.
    /// </summary>
    protected async Task StoreContactAsIsAsync(Guid id, string text)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("update agreement set contact = @text where id = @id", connection);
        command.Parameters.AddWithValue("text", text);
        command.Parameters.AddWithValue("id", id);
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }

    /// <summary>The agreement's status, as <c>agreements show --json</c> reports it.</summary>
    protected async Task<string> StatusOf(Guid id) =>
        (await Cli.JsonAsync("agreements", "show", id.ToString())).Json.GetProperty("status").GetString()!;

    /// <summary>The agreement's history, as <c>agreements history --json</c> reports it.</summary>
    protected async Task<JsonElement[]> HistoryOf(Guid id) =>
        [.. (await Cli.JsonAsync("agreements", "history", id.ToString())).Json.EnumerateArray()];
}
