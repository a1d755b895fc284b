using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Data.Registrations;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Npgsql;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// Proves that the seeded items are what the gateway stores: a few seeded interviews, every optional item given and none,
/// are written through <see cref="RegistrationStore.WriteAsync"/> into a scratch database of the same cluster, and the
/// stored <c>items</c> must equal the seeder's JSON (as jsonb). The seeder copies the data layer's serializer settings,
/// since they are internal there; this is what keeps the copy honest. The scratch database is dropped afterwards.
/// </summary>
internal static class ItemsShapeCheck
{
    private const string Database = "items_shape_check";

    public static async Task RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"create database {Database}", cancellationToken);
        try
        {
            var scratch = new NpgsqlConnectionStringBuilder(connectionString) { Database = Database, Pooling = false }.ConnectionString;
            await CheckAsync(scratch, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(admin, $"drop database {Database} with (force)", CancellationToken.None);
        }
    }

    private static async Task CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = GatewayDataSource.Create(connectionString);
        await SchemaMigrator.ApplyAsync(dataSource, cancellationToken);
        var municipality = new AuthorityId(AuthorityKind.Municipality, "101");
        await new AuthorityStore(dataSource).AddAuthorityAsync(municipality, "København", "benchmark", cancellationToken);
        var system = await new ItSystemStore(dataSource).AddItSystemAsync("Items shape check", "26175399", "benchmark", cancellationToken);
        var agreement = await new AgreementStore(dataSource).RequestAgreementAsync(new AgreementRequest
        {
            Authority = municipality,
            ItSystemId = system,
            Environment = GatewayEnvironment.Production,
            ValidFrom = new DateOnly(2005, 9, 1),
        }, "benchmark", "Items shape check", cancellationToken, activate: true);

        var store = new RegistrationStore(dataSource);
        var now = DateTimeOffset.UtcNow;
        var caller = new Caller(municipality, null, "cw-1");
        var checkedItems = 0;
        foreach (var interview in Samples(now))
        {
            var version = new StoredRegistration(Guid.CreateVersion7(), 1, now, municipality, null, "cw-1", false, interview)
            {
                AgreementId = agreement.Id,
                CallId = $"shape-{checkedItems}",
                RequestId = $"shape-{checkedItems}",
            };
            var request = new WriteRequest(agreement.Id, version.RequestId!, RequestFingerprint.OfRegistration(caller, interview));
            var receipt = new Receipt(version.Id, 1, now, false, []);
            var access = new AccessEntry(now, agreement.Id, system, municipality, null, "cw-1", version.CallId!, RegisterInterview.Operation, interview.Cpr, version.Id, AccessOutcome.Ok);
            if (await store.WriteAsync(version, request, receipt, access, cancellationToken) != WriteResult.Stored)
            {
                throw new InvalidOperationException("The items shape check could not store its registration.");
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var compare = new NpgsqlCommand("select items = $1::jsonb, items::text from registration_version where registration_id = $2", connection);
            var seeded = SeedInterviews.Json(interview);
            compare.Parameters.Add(new NpgsqlParameter { Value = seeded });
            compare.Parameters.Add(new NpgsqlParameter { Value = version.Id });
            await using var reader = await compare.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (!reader.GetBoolean(0))
            {
                throw new InvalidOperationException($"The seeded items differ from what the gateway stores.\n  gateway: {reader.GetString(1)}\n  seeded:  {seeded}");
            }

            checkedItems++;
        }
    }

    // Seeded interviews until one gives every optional item and one gives none; both kinds of authority.
    private static IEnumerable<Interview> Samples(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-3);
        var seen = (Full: false, Bare: false);
        for (uint seed = 1; seed < 100_000 && !(seen.Full && seen.Bare); seed++)
        {
            var registration = new SeedRegistration
            {
                Seed = seed,
                Citizen = (int)seed,
                HeldOn = day.DayNumber,
                NextContactOn = seed % 2 == 0 ? day.AddDays(30).DayNumber : 0,
                EndReason = seed % 2 == 0 ? (byte)0 : (byte)1,
                MatchCategory = (byte)(1 + (seed % 5)),
                Ordinal = (byte)(seed % 3),
            };
            var interview = SeedInterviews.First(registration, CitizenCourses.Cpr((int)seed), municipality: true);
            var full = interview is { RoughMatch: not null, Offers: not null, JobSearchBehaviour: not null, CitizenComments: not null };
            var bare = interview is { RoughMatch: null, Offers: null, JobSearchBehaviour: null, CitizenComments: null };
            if ((full && !seen.Full) || (bare && !seen.Bare))
            {
                seen = (seen.Full || full, seen.Bare || bare);
                yield return interview;
                yield return SeedInterviews.Corrected(registration with { Correction = (byte)(seed % 3) }, interview);
            }
        }

        yield return SeedInterviews.First(new SeedRegistration { Seed = 7, Citizen = 7, HeldOn = day.DayNumber, MatchCategory = 3 }, CitizenCourses.Cpr(7), municipality: false);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
