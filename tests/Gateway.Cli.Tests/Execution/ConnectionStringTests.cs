using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;
using Gateway.TestSupport;

namespace Gateway.Cli.Tests.Execution;

[TestFixture]
public sealed class ConnectionStringTests
{
    [TestCase("migrate")]
    [TestCase("agreements", "list")]
    [TestCase("authorities", "add", "--kind", "Municipality", "--code", "101", "--name", "Copenhagen")]
    public async Task Command_WithoutConnectionString_IsAUsageErrorNamingBothSources(params string[] args)
    {
        var result = await GatewayctlRunner.RunRawAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--connection-string").And.Contain("ConnectionStrings__Gateway"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Command_ConnectionStringFromTheEnvironment_IsUsed()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();

        var result = await GatewayctlRunner.RunRawAsync(["migrate"], new Dictionary<string, string> { ["ConnectionStrings__Gateway"] = connectionString });

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout, Does.StartWith("Applied: "));
    }

    [Test]
    public async Task Command_NothingGivenButARunningEmbeddedDatabase_UsesTheFileItLeftInItsFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatewayctl-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "connection-string"), await TestPostgres.CreateEmptyDatabaseAsync());

            var result = await GatewayctlRunner.RunRawAsync(["migrate"], new Dictionary<string, string> { ["Gateway__EmbeddedDatabase__DataDirectory"] = folder });

            Assert.That(result.ExitCode, Is.Zero, result.ToString);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Command_OptionAndEnvironment_OptionWins()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();

        var result = await GatewayctlRunner.RunRawAsync(["migrate", "--connection-string", connectionString],
            new Dictionary<string, string> { ["ConnectionStrings__Gateway"] = "Host=127.0.0.1;Port=1;Database=nowhere;Username=x" });

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
    }

    [Test]
    public async Task Command_MalformedConnectionString_IsAUsageError()
    {
        var result = await GatewayctlRunner.RunRawAsync(["agreements", "list", "--connection-string", "Colour=blue"]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("The connection string from --connection-string is not valid"));
    }

    [Test]
    public async Task Command_NoServerListening_RefusesAndSaysWhatToCheck()
    {
        var result = await GatewayctlRunner.RunRawAsync(["agreements", "list", "--connection-string", "Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Timeout=2"]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.StartWith("Cannot reach the database 127.0.0.1:1/nowhere").And.Contain("Check that PostgreSQL runs"));
    }
}
