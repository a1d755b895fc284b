using System.Diagnostics;

namespace Gateway.Benchmarks.Report;

/// <summary>Which code a run measured: the commit, and whether src/ had uncommitted changes. Read-only git calls.</summary>
internal static class SourceVersion
{
    public static async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        if (RepositoryRoot.Find() is not { } root)
        {
            return "unknown (not run from the repository)";
        }

        var commit = await GitAsync(root, ["rev-parse", "--short", "HEAD"], cancellationToken);
        // --no-optional-locks: never take the index lock that people working in the same checkout need.
        var changes = await GitAsync(root, ["--no-optional-locks", "status", "--porcelain", "--", "src"], cancellationToken);
        return commit is null ? "unknown (not a git checkout)"
            : string.IsNullOrWhiteSpace(changes) ? $"commit {commit}"
            : $"commit {commit} with uncommitted changes in src/";
    }

    /// <summary>The short hash of HEAD, or "unknown" outside a git checkout; for file names and run records.</summary>
    public static async Task<string> CommitAsync(CancellationToken cancellationToken) =>
        RepositoryRoot.Find() is { } root && await GitAsync(root, ["rev-parse", "--short", "HEAD"], cancellationToken) is { Length: > 0 } commit
            ? commit
            : "unknown";

    private static async Task<string?> GitAsync(string root, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = await git.StandardOutput.ReadToEndAsync(cancellationToken);
            await git.WaitForExitAsync(cancellationToken);
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed.
        }
    }
}
