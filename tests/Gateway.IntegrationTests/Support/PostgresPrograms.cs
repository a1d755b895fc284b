using System.Diagnostics;
using Gateway.Data.Database;

namespace Gateway.IntegrationTests.Support;

/// <summary>Runs the machine's PostgreSQL programs (and <c>kill</c>) for tests that fault or replicate a server; as root, as the server user.</summary>
internal static class PostgresPrograms
{
    /// <summary>The path of one of the server programs (<c>pg_ctl</c>, <c>pg_basebackup</c>).</summary>
    public static string Path(string name) => System.IO.Path.Combine(PostgresBinaries.FindDirectory()!, name);

    /// <summary>Runs <paramref name="file"/>; throws with its standard error when it fails.</summary>
    public static async Task RunAsync(string file, string[] args, bool asServerUser)
    {
        var start = asServerUser && Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", file } }
            : new ProcessStartInfo(file);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await error}");
        }
    }
}
