using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Gateway.Cli.Tests.Support;
using Gateway.Contracts.CodeLists;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Identifiers;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.Cli.Tests.Audit;

/// <summary>
/// A fresh database for every test, migrated by <c>gatewayctl migrate</c> with one IT system: the tests of the access
/// log tamper with its history, so they cannot share one.
/// </summary>
public abstract class AccessLogFixture
{
    /// <summary>A citizen's CPR number (synthetic).</summary>
    protected const string Citizen = "0101901234";

    /// <summary>Another citizen's CPR number (synthetic).</summary>
    protected const string OtherCitizen = "0202925678";

    protected GatewayctlRunner Cli { get; private set; } = null!;

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The same database through the data layer, for its stores.</summary>
    protected GatewayDataSource Store { get; private set; } = null!;

    protected Guid SystemId { get; private set; }

    [SetUp]
    public async Task CreateDatabase()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        Cli = new GatewayctlRunner(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
        Store = GatewayDataSource.Create(connectionString);
        await Succeeds("migrate");
        SystemId = Guid.Parse((await Succeeds("systems", "add", "--name", "CaseSys", "--vendor-cvr", "12345674")).Stdout.Trim());
    }

    [TearDown]
    public async Task CloseDataSource()
    {
        await DataSource.DisposeAsync();
        await Store.DisposeAsync();
    }

    /// <summary>Runs the command line and asserts exit code 0.</summary>
    protected async Task<CliResult> Succeeds(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return result;
    }

    /// <summary>An entry as the gateway records a read of <paramref name="cpr"/>'s data.</summary>
    protected AccessEntry Entry(string? cpr, string operation = "GetContactCourse", DateTimeOffset? at = null, AuthorityId? principal = null) => new(
        at ?? DateTimeOffset.UtcNow, Guid.NewGuid(), SystemId, new AuthorityId(AuthorityKind.Municipality, "101"), principal,
        "cw-17", "call-" + Guid.NewGuid().ToString("N")[..8], operation, cpr, null, AccessOutcome.Ok);

    /// <summary>Records each entry in its own transaction, as separate calls are, and returns their ids.</summary>
    protected async Task<long[]> RecordAsync(params AccessEntry[] entries)
    {
        var ids = new List<long>();
        foreach (var entry in entries)
        {
            await new AccessLogStore(Store).RecordAsync([entry], CancellationToken.None);
            ids.Add(await ScalarAsync<long>("select max(id) from access_log"));
        }

        return [.. ids];
    }

    /// <summary>Records <paramref name="count"/> entries, seals them with <c>gatewayctl audit seal</c> as the newest links, and returns their ids.</summary>
    protected async Task<long[]> RecordAndSealAsync(int count)
    {
        var ids = await RecordAsync([.. Enumerable.Range(0, count).Select(_ => Entry(Citizen))]);
        await Succeeds("audit", "seal");
        Assert.That((await LinksAsync()).TakeLast(count), Is.EqualTo(ids), "every entry sealed, in order");
        return ids;
    }

    /// <summary>The entry of each link, in link order.</summary>
    protected async Task<long[]> LinksAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<long>("select entry_id from access_log_seal order by seq")];
    }

    protected async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    /// <summary>
    /// Runs SQL as an attacker with full database rights would. The append-only triggers (and the foreign key from a
    /// link to its entry) refuse these changes to anyone else; the chain is there for the attacker who gets past them,
    /// so the tests switch them off for the session the way a superuser can (<c>session_replication_role = replica</c>
    /// skips ordinary triggers, foreign-key checks included).
    /// </summary>
    protected async Task TamperAsync(string sql, object? args = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("set session_replication_role = replica");
        await connection.ExecuteAsync(sql, args);
    }

    /// <summary>Inserts an entry by hand, with the transaction id of the caller's choosing; returns its id.</summary>
    protected Task<long> ForgeEntryAsync(string xid) => ScalarAsync<long>("""
        insert into access_log (xid, recorded_at, agreement_id, it_system_id, authority_kind, authority_code, case_worker_id, call_id, operation, cpr, outcome)
        values (@xid::xid8, now(), gen_random_uuid(), @SystemId, 'Municipality', '101', 'cw-17', 'call-forged', 'GetContactCourse', @Citizen, 'Ok')
        returning id
        """, new { xid, SystemId, Citizen });

    /// <summary>The transaction id an entry was written under, in decimal.</summary>
    protected Task<string> XidOf(long entryId) => ScalarAsync<string>("select xid::text from access_log where id = @entryId", new { entryId });

    /// <summary>The stored hash of a link.</summary>
    protected Task<byte[]> HashOf(long seq) => ScalarAsync<byte[]>("select hash from access_log_seal where seq = @seq", new { seq });

    /// <summary>
    /// The hash of a link computed here, from the rule as the operator guide states it and independently of the
    /// gateway's code: what an attacker who knows the rule can compute too. Test data is plain ASCII, which the
    /// serializer writes as the rule's canonical JSON does.
    /// </summary>
    protected async Task<byte[]> ComputeLinkHashAsync(byte[] previous, long seq, long entryId)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var reader = await connection.ExecuteReaderAsync("""
            select xid::text, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), agreement_id::text, it_system_id::text,
                   authority_kind, authority_code, principal_kind, principal_code, case_worker_id, call_id, operation, cpr, registration_id::text, outcome
              from access_log where id = @entryId
            """, new { entryId });
        Assert.That(await reader.ReadAsync(), Is.True, $"entry {entryId} exists");
        var texts = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i));
        var json = JsonSerializer.Serialize<object?[]>([seq, entryId, .. texts]);
        return SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes(json)]);
    }

    /// <summary>Runs <c>audit verify --json</c> (plus <paramref name="extra"/>) and returns the result; any exit code.</summary>
    protected Task<CliResult> VerifyAsync(params string[] extra) => Cli.RunAsync(["--json", "audit", "verify", .. extra]);

    /// <summary>Asserts that verification fails with exit code 1 at <paramref name="seq"/>, naming <paramref name="kind"/> and the entry.</summary>
    protected async Task<JsonElement> AssertBrokenAsync(AccessLogBreakKind kind, long seq, long? entryId)
    {
        var result = await VerifyAsync();
        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString);
        var broken = result.Json.GetProperty("firstBreak");
        Assert.Multiple(() =>
        {
            Assert.That(result.Json.GetProperty("intact").GetBoolean(), Is.False);
            Assert.That(broken.GetProperty("kind").GetString(), Is.EqualTo(kind.ToString()));
            Assert.That(broken.GetProperty("seq").GetInt64(), Is.EqualTo(seq));
            Assert.That(broken.GetProperty("entryId").ValueKind == JsonValueKind.Null ? (long?)null : broken.GetProperty("entryId").GetInt64(), Is.EqualTo(entryId));
            Assert.That(result.Stderr, Does.StartWith($"The access log's chain is broken at link {seq}: "));
            Assert.That(result.Stderr, entryId is null ? Does.Not.Contain("Entry ") : Does.Contain($"Entry {entryId} "));
        });
        return broken;
    }
}
