using Dapper;
using Gateway.Data.Database;
using Npgsql;

namespace Gateway.IntegrationTests.Support;

/// <summary>A database as an earlier build left it, for the tests of a migration over rows that are already there.</summary>
public static class EarlierSchema
{
    /// <summary>
    /// Applies, to an empty database, every migration before <paramref name="stop"/> and records them as applied the way
    /// the migrator of that time did (no checksums), so that <see cref="SchemaMigrator.ApplyAsync"/> applies the rest.
    /// </summary>
    public static async Task ApplyScriptsBeforeAsync(NpgsqlConnection connection, string stop)
    {
        await connection.ExecuteAsync("create table schema_migration (name text primary key, applied_at timestamptz not null default now())");
        foreach (var name in SchemaMigrator.Scripts.TakeWhile(s => string.CompareOrdinal(s, stop) < 0))
        {
            await using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream("migrations/" + name)!;
            using var reader = new StreamReader(stream);
            await connection.ExecuteAsync(await reader.ReadToEndAsync());
            await connection.ExecuteAsync("insert into schema_migration (name) values (@name)", new { name });
        }
    }
}
