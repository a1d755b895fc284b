using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Gateway.Data.Database;

/// <summary>
/// Applies the embedded SQL migrations in file-name order, each once. All pending scripts run in one
/// transaction under an advisory lock, so two gateway instances starting together cannot both apply them.
/// </summary>
/// <remarks>
/// Each script is recorded with the SHA-256 of its bytes, and at every start each recorded script must still be carried
/// by this build with the same checksum; otherwise nothing is applied and <see cref="MigrationMismatchException"/> names
/// the scripts. An edited script would otherwise go unnoticed (it never runs again), and a database migrated by a newer
/// build has a schema this one does not know. Rows recorded before checksums existed have none: the first start of a
/// build that checksums records this build's checksum for them, trusting that the scripts it carries are the ones that
/// were applied, since nothing else is left to compare them with.
/// </remarks>
public static class SchemaMigrator
{
    // Any constant unique to this schema; it only serializes concurrent migrators.
    private const long LockKey = 0x436F6E7461637443;


    /// <summary>The migration scripts this build carries, by name.</summary>
    public static IReadOnlyList<string> Scripts { get; } =
        [.. typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Select(n => n["migrations/".Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Applies what is pending and returns the names of the scripts applied now. Throws
    /// <see cref="MigrationMismatchException"/>, having changed nothing, when an applied script was changed since or is
    /// missing from this build.
    /// </summary>
    public static Task<IReadOnlyList<string>> ApplyAsync(GatewayDataSource dataSource, CancellationToken cancellationToken) =>
        StoreFailures.Translate(work => ApplyPendingAsync(dataSource, work), cancellationToken);

    private static async Task<IReadOnlyList<string>> ApplyPendingAsync(GatewayDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"select pg_advisory_xact_lock({LockKey})", cancellationToken);
        // The table as first created, then the checksum column, which databases migrated before checksums lack.
        await Execute(connection, """
            create table if not exists schema_migration (
                name       text        primary key,
                applied_at timestamptz not null default now()
            );
            alter table schema_migration add column if not exists checksum text check (checksum ~ '^[0-9a-f]{64}$')
            """, cancellationToken);

        var scripts = Scripts.ToDictionary(name => name, ReadScript, StringComparer.Ordinal);
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        if (Mismatches(applied, scripts) is { Count: > 0 } mismatches)
        {
            // Thrown inside the transaction: disposing it rolls back, so not even the checksum column is added.
            throw new MigrationMismatchException(mismatches);
        }

        foreach (var (name, _) in applied.Where(a => a.Value is null))
        {
            await Record(connection, "update schema_migration set checksum = $2 where name = $1", name, scripts[name].Checksum, cancellationToken);
        }

        var now = new List<string>();
        var pending = Scripts.Where(s => !applied.ContainsKey(s)).ToList();
        if (pending.Count > 0)
        {
            // The supervision facts' lock too, before any script, so that the migrator and a pass of a running instance
            // lock in one order: a script that locks a table the pass reads (0014's registration_version) and then takes
            // this lock (0017) would otherwise deadlock with it.
            await Execute(connection, Supervision.SupervisionFacts.TakeLock, cancellationToken);
        }

        foreach (var name in pending)
        {
            await Execute(connection, scripts[name].Sql, cancellationToken);
            await Record(connection, "insert into schema_migration (name, checksum) values ($1, $2)", name, scripts[name].Checksum, cancellationToken);
            now.Add(name);
        }

        await transaction.CommitAsync(cancellationToken);
        return now;
    }

    // The SHA-256 of a script's bytes as embedded, in lower-case hex: what sha256sum prints for the file.
    private static string ChecksumOf(byte[] script) => Convert.ToHexStringLower(SHA256.HashData(script));

    // Applied scripts that are missing from this build or differ from it, one (name, sentence) each, in name order.
    private static List<(string Name, string Problem)> Mismatches(
        Dictionary<string, string?> applied, Dictionary<string, (string Sql, string Checksum)> scripts)
    {
        var mismatches = new List<(string Name, string Problem)>();
        foreach (var (name, recorded) in applied.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!scripts.TryGetValue(name, out var script))
            {
                mismatches.Add((name, $"Migration {name} was applied to this database, but this build does not carry it: the database was "
                    + "migrated by a newer gateway (or the script was renamed or removed). Run a gateway that carries it; a migration is never "
                    + "renamed or removed once applied."));
            }
            else if (recorded is not null && !string.Equals(recorded, script.Checksum, StringComparison.Ordinal))
            {
                mismatches.Add((name, $"Migration {name} was changed after it was applied to this database (recorded checksum {recorded}, "
                    + $"this build {script.Checksum}); restore the script as it was and put the change in a new migration."));
            }
        }

        return mismatches;
    }

    private static async Task<Dictionary<string, string?>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var read = new NpgsqlCommand("select name, checksum from schema_migration", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }

        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task Record(NpgsqlConnection connection, string sql, string name, string checksum, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = checksum });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The checksum is taken over the bytes as embedded (a byte order mark included), before they are decoded to run.
    private static (string Sql, string Checksum) ReadScript(string name)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream("migrations/" + name)!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var content = bytes.ToArray();
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (reader.ReadToEnd(), ChecksumOf(content));
    }
}
