namespace Gateway.Data.Database;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine.</summary>
public static class PostgresBinaries
{
    /// <summary>What to tell someone whose machine has no PostgreSQL server programs.</summary>
    public const string InstallHint =
        "No PostgreSQL server programs (initdb, pg_ctl) were found on PATH or in /usr/lib/postgresql/*/bin. " +
        "Install them (Debian/Ubuntu: 'apt-get install postgresql'), or set ConnectionStrings:Gateway " +
        "(environment variable ConnectionStrings__Gateway) to use an existing PostgreSQL server.";

    /// <summary>The folder holding initdb, pg_ctl and postgres, or null when none is found.</summary>
    public static string? FindDirectory() => FindDirectory(Environment.GetEnvironmentVariable("PATH"), "/usr/lib/postgresql");

    /// <summary>The same search over a given PATH value and versioned install folder.</summary>
    public static string? FindDirectory(string? pathVariable, string installRoot)
    {
        var fromPath = (pathVariable ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "pg_ctl"))
            .Where(File.Exists)
            // Debian links /usr/bin or /usr/local/bin entries to the versioned folder; pg_ctl wants postgres beside it.
            .Select(path => Path.GetDirectoryName(new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path)!);

        var installed = Directory.Exists(installRoot)
            ? Directory.GetDirectories(installRoot)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];

        return fromPath.Concat(installed).FirstOrDefault(IsComplete);
    }

    private static bool IsComplete(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));
}
