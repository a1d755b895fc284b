using Dapper;
using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// Migration 0017 on a database whose supervision facts were made before it: a registration first registered through
/// the registration tool is marked as such, one the tool only corrected is not, and the facts the new functions make
/// again from the versions agree with what the migration marked.
/// </summary>
[TestFixture]
public sealed class SupervisionToolMigrationTests
{
    private const string Before = "0017_supervision_registration_tool.sql";

    [Test]
    public async Task Apply0017_OverExistingFacts_MarksTheRegistrationsWhoseFirstVersionCameThroughTheTool()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await EarlierSchema.ApplyScriptsBeforeAsync(connection, Before);
        var inTool = await RegisterAsync(connection, "0101901234", "RegistrationTool");
        var correctedInTool = await RegisterAsync(connection, "0202902345", "WebServices", "RegistrationTool");
        var correctedOverSoap = await RegisterAsync(connection, "0303903456", "RegistrationTool", "WebServices");
        var webServices = await RegisterAsync(connection, "0404904567", "WebServices");
        await connection.ExecuteAsync("select supervision_fact_rebuild()");

        Assert.That(await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None),
            Is.EqualTo(SchemaMigrator.Scripts.SkipWhile(s => string.CompareOrdinal(s, Before) < 0)));
        var migrated = await ViaToolAsync(connection);
        await connection.ExecuteAsync("select supervision_fact_rebuild()");
        var rebuilt = await ViaToolAsync(connection);

        var expected = new Dictionary<Guid, bool> { [inTool] = true, [correctedInTool] = false, [correctedOverSoap] = true, [webServices] = false };
        Assert.Multiple(() =>
        {
            Assert.That(migrated, Is.EquivalentTo(expected), "marked by the migration");
            Assert.That(rebuilt, Is.EquivalentTo(expected), "made again by the new supervision_fact_rebuild");
        });
    }

    [Test]
    public async Task ApplyFrom0014_WhileAFactsPassHoldsItsLockAndReadsTheVersions_WaitsForThePassInsteadOfDeadlocking()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var dataSource = GatewayDataSource.Create(connectionString);
        await using (var setup = await dataSource.OpenConnectionAsync(CancellationToken.None))
        {
            await EarlierSchema.ApplyScriptsBeforeAsync(setup, "0014_registration_channel.sql");
        }

        // A pass of a running instance, as supervision_fact_apply goes: the facts' lock first, then the tables.
        await using var pass = new Npgsql.NpgsqlConnection(connectionString);
        await pass.OpenAsync();
        await using var passTransaction = await pass.BeginTransactionAsync();
        await pass.ExecuteAsync("select pg_advisory_xact_lock(1397773650, 0)", transaction: passTransaction);

        var migrating = SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);
        await Eventually.HoldsAsync(async () => await pass.ExecuteScalarAsync<long>(
                "select count(*) from pg_locks where locktype = 'advisory' and classid = 1397773650 and objid = 0 and objsubid = 2 and not granted", transaction: passTransaction) > 0,
            "the migrator did not come to the facts' lock");
        // The pass reads the versions while the migrator waits: with the migrator holding 0014's lock on them already,
        // this read and the migrator's wait for the facts' lock in 0017 would deadlock, and PostgreSQL would end one.
        await pass.ExecuteAsync("set local statement_timeout = '10s'; select count(*) from registration_version", transaction: passTransaction);
        await passTransaction.CommitAsync();
        var applied = await migrating.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(applied, Is.EqualTo(SchemaMigrator.Scripts.SkipWhile(s => string.CompareOrdinal(s, "0014_registration_channel.sql") < 0)));
    }

    // A registration of municipality 101 whose versions came the ways given, oldest first.
    private static async Task<Guid> RegisterAsync(Npgsql.NpgsqlConnection connection, string cpr, params string[] channels)
    {
        var registrationId = Guid.CreateVersion7();
        await connection.ExecuteAsync(
            "insert into registration (id, cpr, responsible_kind, responsible_code, registered_at) values (@registrationId, @cpr, 'Municipality', '101', now())",
            new { registrationId, cpr });
        for (var i = 0; i < channels.Length; i++)
        {
            await connection.ExecuteAsync("""
                insert into registration_version (registration_id, version, change, case_type, held_on, match_category, late, case_worker_id, received_at, items,
                                                  responsible_kind, responsible_code, channel, reason)
                values (@registrationId, @version, @change, 'Kontanthjaelp', current_date, 3, false, 'cw-1', now(), '{"Type": "Kontaktsamtale", "Form": "Personligt"}',
                        'Municipality', '101', @channel, @reason)
                """, new { registrationId, version = i + 1, change = i == 0 ? "Registered" : "Corrected", channel = channels[i], reason = i == 0 ? null : "Rettelse." });
        }

        return registrationId;
    }

    private static async Task<Dictionary<Guid, bool>> ViaToolAsync(Npgsql.NpgsqlConnection connection) =>
        (await connection.QueryAsync<(Guid Id, bool ViaTool)>("select registration_id, via_tool from supervision_fact")).ToDictionary(r => r.Id, r => r.ViaTool);
}
