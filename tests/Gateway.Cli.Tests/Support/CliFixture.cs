using System.Text.Json;
using Gateway.TestSupport;

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
    protected async Task<Guid> RequestInAsync(string environment, params string[] extra)
    {
        var result = await Cli.JsonAsync([
            "agreements", "request", "--authority", Municipality, "--system", SystemId.ToString(), "--environment", environment,
            "--reason", "Contract 2025-17 signed", .. extra]);
        return result.Json.GetProperty("id").GetGuid();
    }

    /// <summary>The agreement's status, as <c>agreements show --json</c> reports it.</summary>
    protected async Task<string> StatusOf(Guid id) =>
        (await Cli.JsonAsync("agreements", "show", id.ToString())).Json.GetProperty("status").GetString()!;

    /// <summary>The agreement's history, as <c>agreements history --json</c> reports it.</summary>
    protected async Task<JsonElement[]> HistoryOf(Guid id) =>
        [.. (await Cli.JsonAsync("agreements", "history", id.ToString())).Json.EnumerateArray()];
}
