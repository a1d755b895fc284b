using Dapper;
using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// Migration 0014 on a database that already holds registrations: every existing version came through the web services,
/// history stays append-only, and from then on a write that names no channel is refused.
/// </summary>
[TestFixture]
public sealed class ChannelMigrationTests
{
    private const string Before = "0014_registration_channel.sql";

    [Test]
    public async Task Apply0014_OverExistingRegistrations_MarksThemWebServicesAndRequiresTheChannelAfterwards()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await EarlierSchema.ApplyScriptsBeforeAsync(connection, Before);
        var registrationId = Guid.CreateVersion7();
        const string InsertVersion = """
            insert into registration_version (registration_id, version, case_type, held_on, match_category, late, case_worker_id, received_at, items, responsible_kind, responsible_code)
            values (@registrationId, @version, 'Kontanthjaelp', current_date, 3, false, 'cw-1', now(), '{"Type": "Kontaktsamtale", "Form": "Personligt"}', 'Municipality', '101')
            """;
        await connection.ExecuteAsync(
            "insert into registration (id, cpr, responsible_kind, responsible_code, registered_at) values (@registrationId, '0101901234', 'Municipality', '101', now())",
            new { registrationId });
        await connection.ExecuteAsync(InsertVersion, new { registrationId, version = 1 });

        Assert.That(await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None),
            Is.EqualTo(SchemaMigrator.Scripts.SkipWhile(s => string.CompareOrdinal(s, Before) < 0)));

        var channel = await connection.QuerySingleAsync<string>(
            "select channel from registration_version where registration_id = @registrationId", new { registrationId });
        Assert.Multiple(() =>
        {
            Assert.That(channel, Is.EqualTo("WebServices"));
            var unnamed = Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(InsertVersion, new { registrationId, version = 2 }))!;
            Assert.That(unnamed.SqlState, Is.EqualTo(PostgresErrorCodes.NotNullViolation), "no default channel is left to fall back on");
            var changed = Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("update registration_version set channel = 'RegistrationTool'"))!;
            Assert.That(changed.SqlState, Is.EqualTo(PostgresErrorCodes.RestrictViolation), "history stays append-only");
        });
    }
}
