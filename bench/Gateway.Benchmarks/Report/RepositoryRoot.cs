namespace Gateway.Benchmarks.Report;

/// <summary>The repository the benchmark runs in: the folder holding Gateway.sln above the current folder or this program.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Gateway.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }
}
