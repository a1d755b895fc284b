using Npgsql;

namespace Gateway.Data.Database;

/// <summary>
/// Applies the embedded SQL migrations in file-name order, each once. All pending scripts run in one
/// transaction under an advisory lock, so two gateway instances starting together cannot both apply them.
/// </summary>
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

    /// <summary>Applies what is pending and returns the names of the scripts applied now.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(GatewayDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"select pg_advisory_xact_lock({LockKey})", cancellationToken);
        await Execute(connection, """
            create table if not exists schema_migration (
                name       text        primary key,
                applied_at timestamptz not null default now()
            )
            """, cancellationToken);

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("select name from schema_migration", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var now = new List<string>();
        foreach (var name in Scripts.Where(s => !applied.Contains(s)))
        {
            await Execute(connection, ReadScript(name), cancellationToken);
            await using var record = new NpgsqlCommand("insert into schema_migration (name) values ($1)", connection);
            record.Parameters.Add(new NpgsqlParameter { Value = name });
            await record.ExecuteNonQueryAsync(cancellationToken);
            now.Add(name);
        }

        await transaction.CommitAsync(cancellationToken);
        return now;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadScript(string name)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream("migrations/" + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
