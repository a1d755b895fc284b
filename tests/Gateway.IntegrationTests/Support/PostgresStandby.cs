using Gateway.Data.Database;
using Npgsql;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// A streaming-replication standby of a test's own <see cref="EmbeddedPostgres"/>, on this machine: made with
/// <c>pg_basebackup -R</c>, started on a port of its own, made synchronous on the primary (so a commit returns only once
/// the standby has it), and promoted on demand. For failover tests; stopped and deleted on dispose.
/// </summary>
internal sealed class PostgresStandby : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _cluster;

    private PostgresStandby(string folder, string cluster, int port)
    {
        _folder = folder;
        _cluster = cluster;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Copies <paramref name="primary"/>, starts the copy as its standby and makes it the synchronous one.</summary>
    public static async Task<PostgresStandby> StartAsync(EmbeddedPostgres primary)
    {
        var settings = new NpgsqlConnectionStringBuilder(primary.ConnectionString);
        var folder = Path.Combine(Path.GetTempPath(), "gateway-standby-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = Path.Combine(folder, "pgdata");
        var socket = Path.Combine(folder, "run");
        Directory.CreateDirectory(socket);
        if (Environment.IsPrivilegedProcess)
        {
            await PostgresPrograms.RunAsync("chown", ["-R", "postgres:", folder], asServerUser: false);
        }

        await PostgresPrograms.RunAsync("env", [$"PGPASSWORD={settings.Password}", PostgresPrograms.Path("pg_basebackup"),
            "-h", settings.Host!, "-p", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", settings.Username!,
            "-D", cluster, "-R", "-X", "stream", "-c", "fast"], asServerUser: true);
        var port = EmbeddedPostgres.FreeLoopbackPort();
        await PostgresPrograms.RunAsync(PostgresPrograms.Path("pg_ctl"), ["start", "-D", cluster, "-l", Path.Combine(folder, "postgres.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {socket}"], asServerUser: true);
        var standby = new PostgresStandby(folder, cluster, port);

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(primary.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using (var sync = new NpgsqlCommand("alter system set synchronous_standby_names = '*'", connection))
        {
            await sync.ExecuteNonQueryAsync();
        }

        await using (var reload = new NpgsqlCommand("select pg_reload_conf()", connection))
        {
            await reload.ExecuteNonQueryAsync();
        }

        await Gateway.TestSupport.Eventually.HoldsAsync(async () =>
        {
            await using var state = new NpgsqlCommand("select count(*) from pg_stat_replication where sync_state = 'sync' and state = 'streaming'", connection);
            return (long)(await state.ExecuteScalarAsync())! == 1;
        }, "the standby did not become the synchronous one");
        return standby;
    }

    /// <summary>Makes the standby the primary (<c>pg_ctl promote</c>), waiting until it accepts writes.</summary>
    public Task PromoteAsync() => PostgresPrograms.RunAsync(PostgresPrograms.Path("pg_ctl"), ["promote", "-D", _cluster, "-w"], asServerUser: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PostgresPrograms.RunAsync(PostgresPrograms.Path("pg_ctl"), ["stop", "-D", _cluster, "-m", "fast", "-w"], asServerUser: true);
        }
        catch (InvalidOperationException)
        {
            // Not running: what we wanted.
        }

        Directory.Delete(_folder, recursive: true);
    }
}
