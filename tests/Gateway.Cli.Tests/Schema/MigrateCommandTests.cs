using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;
using Gateway.Data.Database;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.Cli.Tests.Schema;

[TestFixture]
public sealed class MigrateCommandTests
{
    [Test]
    public async Task Migrate_EmptyDatabase_AppliesEveryScriptThenNothing()
    {
        var cli = new GatewayctlRunner(await TestPostgres.CreateEmptyDatabaseAsync());

        var first = await cli.JsonAsync("migrate");
        var second = await cli.RunAsync("migrate");

        Assert.That(first.Json.GetProperty("applied").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(SchemaMigrator.Scripts));
        Assert.That(second.ExitCode, Is.Zero, second.ToString);
        Assert.That(second.Stdout.Trim(), Is.EqualTo("The schema is up to date; no migration was pending."));
    }

    [Test]
    public async Task Command_BeforeMigrate_RefusesAndNamesMigrate()
    {
        var cli = new GatewayctlRunner(await TestPostgres.CreateEmptyDatabaseAsync());

        var result = await cli.RunAsync("agreements", "list");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("no gateway schema yet").And.Contain("gatewayctl migrate"));
    }

    [Test]
    public async Task Migrate_AppliedScriptChangedSince_RefusesNamingItWithoutAStackTrace()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var cli = new GatewayctlRunner(connectionString);
        await cli.JsonAsync("migrate");
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var edit = dataSource.CreateCommand("update schema_migration set checksum = repeat('0', 64) where name = '0003_agreements.sql'"))
        {
            await edit.ExecuteNonQueryAsync();
        }

        var result = await cli.RunAsync("migrate");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.StartWith("Migration 0003_agreements.sql was changed after it was applied").And.Not.Contain(" at Gateway."));
    }
}
