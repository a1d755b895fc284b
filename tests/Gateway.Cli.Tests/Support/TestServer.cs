using Gateway.Data.Database;
using Npgsql;

namespace Gateway.Cli.Tests.Support;

/// <summary>
/// The PostgreSQL server of one test run: a private embedded cluster in a fresh temporary folder (fsync off: its data is
/// thrown away), or the server named by <c>GATEWAY_TEST_POSTGRES</c> (a connection string whose user may create
/// databases), as in the integration tests. Each fixture gets its own database.
/// </summary>
public static class TestServer
{
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
            return;
        }

        _folder = Path.Combine(Path.GetTempPath(), "gatewayctl-tests-" + Guid.NewGuid().ToString("N")[..12]);
        _embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = false }, CancellationToken.None);
        _serverConnectionString = _embedded.ConnectionString;
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

    /// <summary>A new empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"gatewayctl_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database }.ConnectionString;
}
