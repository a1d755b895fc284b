using System.Security.Cryptography;
using Dapper;
using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// The migrator applies each script once, records its checksum, and refuses a database whose applied scripts this build
/// does not carry as they were applied: an edited script, or one from a newer build. Databases migrated before
/// checksums existed have this build's checksums recorded for them.
/// </summary>
[TestFixture]
public sealed class SchemaMigratorTests
{
    private const string Agreements = "0003_agreements.sql";
    private const string FromANewerBuild = "9999_from_a_newer_gateway.sql";

    [Test]
    public async Task ApplyAsync_EmptyDatabase_AppliesEveryScriptOnceInOrder()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());

        var first = await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);
        var second = await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(SchemaMigrator.Scripts));
            Assert.That(first, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(second, Is.Empty);
        });
    }

    [Test]
    public async Task ApplyAsync_TwoInstancesAtOnce_BothSucceedAndEachScriptRunsOnce()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());

        var results = await Task.WhenAll(
            Task.Run(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None)),
            Task.Run(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None)));

        Assert.That(results.SelectMany(r => r), Is.EqualTo(SchemaMigrator.Scripts));
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand("select count(*) from schema_migration", connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(SchemaMigrator.Scripts.Count));
    }

    [Test]
    public async Task ApplyAsync_EmptyDatabase_RecordsTheSha256OfEveryScriptsBytes()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());

        await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);

        Assert.That(await RecordedAsync(dataSource), Is.EquivalentTo(SchemaMigrator.Scripts.ToDictionary(s => s, s => (string?)Sha256OfScript(s))));
    }

    [Test]
    public async Task ApplyAsync_AppliedScriptChangedSince_RefusedNamingItWithBothChecksums()
    {
        await using var dataSource = GatewayDataSource.Create(await MigratedDatabaseAsync());
        // As if 0003 was edited after it was applied: the recorded checksum is no longer this build's.
        var recorded = new string('0', 64);
        await ExecuteAsync(dataSource, "update schema_migration set checksum = @recorded where name = @Agreements", new { recorded, Agreements });

        var refused = Assert.ThrowsAsync<MigrationMismatchException>(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Scripts, Is.EqualTo(new[] { Agreements }));
            Assert.That(refused.Message, Is.EqualTo(
                $"Migration {Agreements} was changed after it was applied to this database (recorded checksum {recorded}, this build "
                + $"{Sha256OfScript(Agreements)}); restore the script as it was and put the change in a new migration."));
        });
    }

    [Test]
    public async Task ApplyAsync_DatabaseMigratedBeforeChecksums_RecordsThisBuildsChecksumsOnce()
    {
        await using var dataSource = GatewayDataSource.Create(await MigratedDatabaseAsync());
        // The table exactly as migrators before checksums created it.
        await ExecuteAsync(dataSource, "alter table schema_migration drop column checksum");

        var applied = await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(applied, Is.Empty);
            Assert.That(await RecordedAsync(dataSource), Is.EquivalentTo(SchemaMigrator.Scripts.ToDictionary(s => s, s => (string?)Sha256OfScript(s))));
            Assert.That(await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None), Is.Empty, "and the next start finds them matching");
        });
    }

    [Test]
    public async Task ApplyAsync_OneRowWithoutChecksumAndOneChanged_RefusedAndNothingRecorded()
    {
        await using var dataSource = GatewayDataSource.Create(await MigratedDatabaseAsync());
        await ExecuteAsync(dataSource, "update schema_migration set checksum = null where name = '0001_registrations.sql'");
        await ExecuteAsync(dataSource, "update schema_migration set checksum = repeat('f', 64) where name = @Agreements", new { Agreements });

        Assert.ThrowsAsync<MigrationMismatchException>(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None));

        Assert.That((await RecordedAsync(dataSource))["0001_registrations.sql"], Is.Null, "a refused start changes nothing");
    }

    [TestCase("repeat('a', 64)", TestName = "ApplyAsync_AppliedScriptMissingFromTheBuild_RefusedNamingIt")]
    [TestCase("null", TestName = "ApplyAsync_ScriptAppliedBeforeChecksumsMissingFromTheBuild_RefusedNamingIt")]
    public async Task ApplyAsync_AppliedScriptMissingFromTheBuild_RefusedNamingIt(string checksum)
    {
        await using var dataSource = GatewayDataSource.Create(await MigratedDatabaseAsync());
        // As a newer gateway leaves the database for an older one (a downgrade).
        await ExecuteAsync(dataSource, $"insert into schema_migration (name, checksum) values (@FromANewerBuild, {checksum})", new { FromANewerBuild });

        var refused = Assert.ThrowsAsync<MigrationMismatchException>(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Scripts, Is.EqualTo(new[] { FromANewerBuild }));
            Assert.That(refused.Message, Does.StartWith($"Migration {FromANewerBuild} was applied to this database, but this build does not carry it"));
        });
    }

    [Test]
    public async Task ApplyAsync_SeveralMismatches_EveryScriptNamedInOrder()
    {
        await using var dataSource = GatewayDataSource.Create(await MigratedDatabaseAsync());
        await ExecuteAsync(dataSource, "update schema_migration set checksum = repeat('0', 64) where name in ('0001_registrations.sql', @Agreements)", new { Agreements });
        await ExecuteAsync(dataSource, "insert into schema_migration (name, checksum) values (@FromANewerBuild, repeat('a', 64))", new { FromANewerBuild });

        var refused = Assert.ThrowsAsync<MigrationMismatchException>(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None))!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Scripts, Is.EqualTo(new[] { "0001_registrations.sql", Agreements, FromANewerBuild }));
            Assert.That(refused.Message, Does.Contain("0001_registrations.sql was changed").And.Contain($"{Agreements} was changed").And.Contain($"{FromANewerBuild} was applied"));
        });
    }

    [Test]
    public async Task Start_AppliedScriptChangedSince_GatewayRefusesToStart()
    {
        var connectionString = await MigratedDatabaseAsync();
        await using (var dataSource = GatewayDataSource.Create(connectionString))
        {
            await ExecuteAsync(dataSource, "update schema_migration set checksum = repeat('0', 64) where name = @Agreements", new { Agreements });
        }

        var refused = Assert.ThrowsAsync<MigrationMismatchException>(() => TestGateway.StartAsync(connectionString: connectionString))!;

        Assert.That(refused.Message, Does.Contain(Agreements).And.Contain("put the change in a new migration"));
    }

    // A copy of the template, which the migrator built: every script applied, with its checksum.
    private static Task<string> MigratedDatabaseAsync() => TestPostgres.CreateDatabaseAsync();

    private static string Sha256OfScript(string name)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream("migrations/" + name)!;
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static async Task<Dictionary<string, string?>> RecordedAsync(GatewayDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Name, string? Checksum)>("select name, checksum from schema_migration");
        return rows.ToDictionary(r => r.Name, r => r.Checksum);
    }

    private static async Task ExecuteAsync(GatewayDataSource dataSource, string sql, object? parameters = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, parameters);
    }
}
