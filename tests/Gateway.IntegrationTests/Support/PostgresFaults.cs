using Gateway.Data.Database;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// Real faults of a real PostgreSQL server that a test started (never the run's shared one): freeze it (SIGSTOP to the
/// server and every process of it, as a hung machine would), thaw it, crash it (<c>pg_ctl stop -m immediate</c>: no
/// checkpoint, recovery from the write-ahead log at the next start), or kill its postmaster with SIGKILL.
/// </summary>
internal static class PostgresFaults
{
    /// <summary>Stops the server's processes where they are; they answer nothing, not even cancel requests.</summary>
    public static Task FreezeAsync(EmbeddedPostgres server) => SignalAsync(server, "STOP");

    /// <summary>Lets a frozen server go on.</summary>
    public static Task ThawAsync(EmbeddedPostgres server) => SignalAsync(server, "CONT");

    /// <summary>Ends the server as a crash would: at once, without a checkpoint; committed work survives in the WAL.</summary>
    public static Task CrashAsync(EmbeddedPostgres server) =>
        PostgresPrograms.RunAsync(PostgresPrograms.Path("pg_ctl"), ["stop", "-D", server.ClusterDirectory, "-m", "immediate", "-w"], asServerUser: true);

    /// <summary>Kills the postmaster with SIGKILL; its backends end by themselves moments later.</summary>
    public static Task KillAsync(EmbeddedPostgres server) =>
        PostgresPrograms.RunAsync("kill", ["-KILL", Postmaster(server).ToString(System.Globalization.CultureInfo.InvariantCulture)], asServerUser: false);

    private static int Postmaster(EmbeddedPostgres server) =>
        server.ServerProcessId ?? throw new InvalidOperationException("The server does not run.");

    private static Task SignalAsync(EmbeddedPostgres server, string signal)
    {
        var postmaster = Postmaster(server);
        string[] pids = [postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture), .. ChildrenOf(postmaster)];
        return PostgresPrograms.RunAsync("kill", ["-" + signal, .. pids], asServerUser: false);
    }

    private static IEnumerable<string> ChildrenOf(int parent)
    {
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // "pid (name) state ppid ...": the fields after the name.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                yield return text[..text.IndexOf(' ')];
            }
        }
    }
}
