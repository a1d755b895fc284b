namespace Gateway.Cli.Execution;

/// <summary>
/// Where the connection string comes from: <c>--connection-string</c>, else the environment variable the gateway
/// itself reads (configuration key <c>ConnectionStrings:Gateway</c>), else the embedded database of a gateway running
/// with its default data folder (the file it writes there at start).
/// </summary>
public static class ConnectionStringSource
{
    /// <summary>The environment variable, the gateway's configuration key <c>ConnectionStrings:Gateway</c>.</summary>
    public const string EnvironmentVariable = "ConnectionStrings__Gateway";

    /// <summary>The gateway's setting of its embedded data folder (<c>Gateway:EmbeddedDatabase:DataDirectory</c>), as an environment variable.</summary>
    public const string DataDirectoryVariable = "Gateway__EmbeddedDatabase__DataDirectory";

    /// <summary>The message when neither is given; it names both.</summary>
    public const string Missing =
        "No connection string. Give --connection-string \"Host=…;Database=…;Username=…;Password=…\", or set the environment variable " +
        EnvironmentVariable + " (configuration key ConnectionStrings:Gateway, the one the gateway uses), or start the gateway " +
        "with its embedded database in its default folder.";

    /// <summary>The connection string and where it came from, or null when neither gives one.</summary>
    public static (string Value, string Origin)? Resolve(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return (option, "--connection-string");
        }

        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return (fromEnvironment, "the environment variable " + EnvironmentVariable);
        }

        var folder = environment(DataDirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Gateway.Data.Database.EmbeddedPostgresOptions.DefaultDataDirectory;
        var embedded = Gateway.Data.Database.EmbeddedPostgresOptions.ConnectionStringFile(folder);
        return File.Exists(embedded) && File.ReadAllText(embedded).Trim() is { Length: > 0 } fromFile
            ? (fromFile, "the embedded database of the gateway (" + embedded + ")")
            : null;
    }
}
