using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Gateway.Data.Database;

/// <summary>
/// A private PostgreSQL cluster started from the machine's own server programs: on a free loopback port, with
/// its socket in its own folder, password authentication, and its data kept in
/// <see cref="EmbeddedPostgresOptions.DataDirectory"/> across runs. Run as root, the server runs as the
/// <c>postgres</c> user, because PostgreSQL refuses to run as root. Disposing stops it.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SuperUser = "gateway";

    // How long a stop may take: the gateway's own stop is bounded, and a frozen server must not hold it for pg_ctl's 60 s.
    private const string StopSeconds = "10";

    // How long a start may spend stopping a server left behind by a killed gateway before it gives up.
    private const string LeftoverStopSeconds = "30";
    private readonly string _bin;
    private readonly string _cluster;
    private readonly FileStream _lock;
    private readonly string _log;
    private readonly string _settings;
    private bool _stopped;

    private EmbeddedPostgres(string bin, string cluster, FileStream folderLock, string log, string settings, string connectionString)
    {
        _bin = bin;
        _cluster = cluster;
        _lock = folderLock;
        _log = log;
        _settings = settings;
        ConnectionString = connectionString;
    }

    /// <summary>Connection string of the gateway database in this cluster.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Whether the server process runs: the process named in the cluster's <c>postmaster.pid</c> exists and has not
    /// ended (a killed server whose parent has not reaped it yet counts as ended). False once stopped, or when the server
    /// died (the file may stay behind, its process gone).
    /// </summary>
    public bool IsRunning => !_stopped && IsRunningIgnoringStop;

    /// <summary>Whether the server process runs, also after a stop that did not finish in time (for tests).</summary>
    internal bool IsRunningIgnoringStop => ServerProcessId is { } pid && ProcessRuns(pid);

    /// <summary>Creates the cluster when it does not exist yet, starts it, and creates the database.</summary>
    /// <exception cref="EmbeddedDatabaseException">No server programs were found, the folder is in use, or the server did not start; the message says what to do.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.FindDirectory() ?? throw new EmbeddedDatabaseException(PostgresBinaries.InstallHint);
        var root = Path.GetFullPath(options.DataDirectory);
        var cluster = Path.Combine(root, "pgdata");
        var socketDir = Path.Combine(root, "run");
        var log = Path.Combine(root, "postgres.log");
        Directory.CreateDirectory(socketDir);
        var folderLock = LockFolder(root);
        try
        {
            return await StartLockedAsync(options, bin, root, cluster, socketDir, log, folderLock, cancellationToken);
        }
        catch
        {
            await folderLock.DisposeAsync();
            throw;
        }
    }

    private static async Task<EmbeddedPostgres> StartLockedAsync(
        EmbeddedPostgresOptions options, string bin, string root, string cluster, string socketDir, string log, FileStream folderLock, CancellationToken cancellationToken)
    {
        var password = await ReadOrCreatePasswordAsync(Path.Combine(root, "credentials"), cancellationToken);
        // The server user gets the cluster, its socket folder and its log, and nothing else in the folder (the
        // sandbox's private keys, the credentials and the lock stay with whoever runs the gateway).
        Directory.CreateDirectory(cluster);
        if (Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
        {
            // The server user must pass through the folder to reach its own parts; it need not list it.
            File.SetUnixFileMode(root, File.GetUnixFileMode(root) | UnixFileMode.OtherExecute);
        }

        if (!File.Exists(log))
        {
            await File.WriteAllTextAsync(log, "", cancellationToken);
        }

        await GiveToServerUserAsync(cluster, cancellationToken);
        await GiveToServerUserAsync(socketDir, cancellationToken);
        await GiveToServerUserAsync(log, cancellationToken);

        if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            var pwfile = Path.Combine(root, "initdb.pw");
            await File.WriteAllTextAsync(pwfile, password, cancellationToken);
            await GiveToServerUserAsync(pwfile, cancellationToken);
            try
            {
                await RunAsync(Path.Combine(bin, "initdb"),
                    ["-D", cluster, "-U", SuperUser, "--pwfile", pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"],
                    cancellationToken);
            }
            finally
            {
                File.Delete(pwfile);
            }
        }

        // The folder lock is ours, so a server still running here was left by a process that was killed: stop it first.
        if (File.Exists(Path.Combine(cluster, "postmaster.pid")))
        {
            await TryRunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", cluster, "-m", "fast", "-w", "-t", LeftoverStopSeconds], cancellationToken);
        }

        var port = FreeLoopbackPort();
        var settings = $"-c listen_addresses=127.0.0.1 -p {port} -k {socketDir}" +
                       (options.Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["start", "-D", cluster, "-l", log, "-w", "-t", "60", "-o", settings], cancellationToken);

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Password = password,
            Database = options.Database,
        };
        var server = new EmbeddedPostgres(bin, cluster, folderLock, log, settings, builder.ConnectionString);
        try
        {
            builder.Database = "postgres";
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
            exists.Parameters.Add(new NpgsqlParameter { Value = options.Database });
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"create database \"{options.Database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            // gatewayctl finds the running server here (the port changes at every start); readable by the owner only.
            var connectionFile = EmbeddedPostgresOptions.ConnectionStringFile(root);
            await File.WriteAllTextAsync(connectionFile, "", cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(connectionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await File.WriteAllTextAsync(connectionFile, server.ConnectionString, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The cluster's folder (<c>pgdata</c>), for tests that fault the server through <c>pg_ctl</c>.</summary>
    internal string ClusterDirectory => _cluster;

    /// <summary>The process id the cluster's <c>postmaster.pid</c> names (the server's, or a dead one's), or null when there is no such file.</summary>
    public int? ServerProcessId
    {
        get
        {
            try
            {
                var first = File.ReadLines(Path.Combine(_cluster, "postmaster.pid")).FirstOrDefault();
                return int.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Starts the server again after it stopped without being asked to (it crashed, or was killed): the same cluster on
    /// the same port, so <see cref="ConnectionString"/> still holds. PostgreSQL recovers from its write-ahead log first,
    /// so every committed transaction is there again. Throws while what is left of the old server still holds the cluster
    /// (its last backends exit within moments of the postmaster); the caller tries again.
    /// </summary>
    /// <exception cref="EmbeddedDatabaseException">The server did not start; the message says why.</exception>
    public Task RestartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        return RunAsync(Path.Combine(_bin, "pg_ctl"), ["start", "-D", _cluster, "-l", _log, "-w", "-t", "60", "-o", _settings], cancellationToken);
    }

    /// <summary>
    /// Stops the server (fast shutdown: open connections are ended, committed data is kept), waiting at most
    /// <see cref="StopSeconds"/>: true when it stopped (or was not running). A server that does not stop in time (frozen)
    /// is left running; the next start on the folder stops it.
    /// </summary>
    public async Task<bool> StopAsync()
    {
        if (_stopped)
        {
            return true;
        }

        _stopped = true;
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", _cluster, "-m", "fast", "-w", "-t", StopSeconds], CancellationToken.None);
            return true;
        }
        catch (EmbeddedDatabaseException)
        {
            // Not running (what we wanted), or not stopped in time: which, the process says.
            return ServerProcessId is not { } pid || !ProcessRuns(pid);
        }
        finally
        {
            await _lock.DisposeAsync();
        }
    }

    /// <summary>Stops the server as <see cref="StopAsync"/> does.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Whether process <paramref name="pid"/> exists and has not ended (a zombie has); for tests too.</summary>
    internal static bool ProcessRuns(int pid)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // "pid (name) S ...": the state follows the name; Z is a process that ended and waits to be reaped.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
            }

            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // One gateway process per folder: a second one would otherwise stop the first one's server.
    private static FileStream LockFolder(string root)
    {
        try
        {
            return new FileStream(Path.Combine(root, "gateway.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new EmbeddedDatabaseException(
                $"The embedded database folder {root} is in use by another gateway process. Stop that process, or give this one " +
                "its own folder with Gateway:EmbeddedDatabase:DataDirectory.", ex);
        }
    }

    private static async Task<string> ReadOrCreatePasswordAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        // Made private before the password goes in, so it is never readable by others, not even briefly.
        await File.WriteAllTextAsync(path, "", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await File.WriteAllTextAsync(path, password, cancellationToken);

        return password;
    }

    // As root, the server runs as 'postgres' and must own what it writes; initdb wants an empty folder it owns.
    private static async Task GiveToServerUserAsync(string path, CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", Directory.Exists(path) ? ["-R", "postgres:", path] : ["postgres:", path], cancellationToken, asServerUser: false);
        }
    }

    /// <summary>A loopback port nobody listens on now; for tests too.</summary>
    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task TryRunAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(file, args, cancellationToken);
        }
        catch (EmbeddedDatabaseException)
        {
            // Stopping a server that is not running fails; that is the state we wanted.
        }
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken cancellationToken, bool asServerUser = true)
    {
        var start = asServerUser && Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", file } }
            : new ProcessStartInfo(file);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new EmbeddedDatabaseException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new EmbeddedDatabaseException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }
    }
}
