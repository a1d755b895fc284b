using Gateway.Data.Database;
using Npgsql;

namespace Gateway.TestSupport;

/// <summary>
/// The PostgreSQL server of one test run, for every test project: a private embedded cluster in a temporary folder
/// (fsync off: its data is thrown away), or the server named by <c>GATEWAY_TEST_POSTGRES</c> (a connection string whose
/// user may create databases). The production migrations build a template database once; a test gets a fresh copy of
/// it, or an empty database when it migrates for itself.
/// </summary>
public static class TestPostgres
{
    private const string Template = "gateway_template";
    private static EmbeddedPostgres? _embedded;
    private static string? _folder;
    private static string _serverConnectionString = "";
    private static int _counter;

    public static async Task StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("GATEWAY_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _serverConnectionString = external;
            await ExecuteAsync($"drop database if exists {Template}");
            await ExecuteAsync($"create database {Template}");
        }
        else
        {
            _folder = Path.Combine(Path.GetTempPath(), "gateway-tests-" + Guid.NewGuid().ToString("N")[..12]);
            _embedded = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = false, Database = Template }, CancellationToken.None);
            _serverConnectionString = _embedded.ConnectionString;
        }

        await using (var template = GatewayDataSource.Create(ConnectionStringFor(Template)))
        {
            await SchemaMigrator.ApplyAsync(template, CancellationToken.None);
        }

        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
    }

    public static async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A new database with the current schema; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await ExecuteAsync($"create database {name} template {Template}");
        return ConnectionStringFor(name);
    }

    /// <summary>A new database without any schema, for migration tests.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"empty_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await ExecuteAsync($"create database {name}");
        return ConnectionStringFor(name);
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
