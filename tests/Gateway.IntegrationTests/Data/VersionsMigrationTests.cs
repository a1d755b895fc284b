using Dapper;
using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// Migration 0006 on a database that already holds registrations: each existing version gets its responsible authority
/// and other actor copied in (and the request id it was written under, since 0004), sorts before every later write in
/// the feed, and the append-only trigger is back on.
/// </summary>
[TestFixture]
public sealed class VersionsMigrationTests
{
    private const string Before = "0006_versions_and_access_log.sql";

    [Test]
    public async Task Apply0006_OverExistingRegistrations_FillsTheNewColumnsAndKeepsHistoryAppendOnly()
    {
        await using var dataSource = GatewayDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await EarlierSchema.ApplyScriptsBeforeAsync(connection, Before);
        var registrationId = Guid.CreateVersion7();
        await connection.ExecuteAsync("""
            insert into registration (id, cpr, responsible_kind, responsible_code, other_actor_cvr, registered_at)
            values (@registrationId, '0101901234', 'Municipality', '101', '24256790', now());
            insert into registration_version (registration_id, version, case_type, held_on, match_category, late, case_worker_id, received_at, items)
            values (@registrationId, 1, 'Kontanthjaelp', current_date, 3, false, 'cw-1', now(), '{"Type": "Kontaktsamtale", "Form": "Personligt"}');
            insert into authority (kind, code, name, created_by) values ('Municipality', '101', 'Testkommune', 'tests');
            insert into it_system (id, name, vendor_cvr, created_by) values (@systemId, 'System', '12345674', 'tests');
            insert into agreement (id, authority_kind, authority_code, it_system_id, operations, case_types, read_scope, environment, valid_from, status)
            values (@agreementId, 'Municipality', '101', @systemId, '{RegisterInterview}', '{Kontanthjaelp}', 'OwnCitizens', 'Test', '2020-01-01', 'Active');
            insert into write_request (agreement_id, request_id, operation, fingerprint, receipt, received_at)
            values (@agreementId, 'written-under-1.2', 'RegisterInterview', repeat('A', 64), jsonb_build_object('RegistrationId', @registrationId), now());
            """, new { registrationId, systemId = Guid.NewGuid(), agreementId = Guid.NewGuid() });

        Assert.That(await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None),
            Is.EqualTo(SchemaMigrator.Scripts.SkipWhile(s => string.CompareOrdinal(s, Before) < 0)));

        var row = await connection.QuerySingleAsync<(string Kind, string Code, string? Actor, string Change, string Xid, string? RequestId)>(
            "select responsible_kind, responsible_code, other_actor_cvr, change, xid::text, request_id from registration_version where registration_id = @registrationId",
            new { registrationId });
        Assert.Multiple(() =>
        {
            Assert.That(row, Is.EqualTo(("Municipality", "101", (string?)"24256790", "Registered", "1", (string?)"written-under-1.2")));
            var refused = Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("update registration_version set late = true"))!;
            Assert.That(refused.SqlState, Is.EqualTo(PostgresErrorCodes.RestrictViolation), "the trigger is enabled again");
        });
    }
}
