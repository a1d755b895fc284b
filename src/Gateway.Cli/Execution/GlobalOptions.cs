using System.CommandLine;

namespace Gateway.Cli.Execution;

/// <summary>The options every command accepts, before or after the command's name.</summary>
public sealed class GlobalOptions
{
    /// <summary>The PostgreSQL connection string; overrides the environment variable <see cref="ConnectionStringSource.EnvironmentVariable"/>.</summary>
    public Option<string?> ConnectionString { get; } = new("--connection-string")
    {
        Description = $"PostgreSQL connection string (default: the environment variable {ConnectionStringSource.EnvironmentVariable}, the one the gateway reads)",
        HelpName = "CS",
        Recursive = true,
    };

    /// <summary>Who makes the change, recorded with it; default the operating system's user name.</summary>
    public Option<string> Operator { get; } = new("--operator")
    {
        Description = "Who makes the change, recorded in the history (default: your user name)",
        HelpName = "NAME",
        Recursive = true,
        DefaultValueFactory = _ => Environment.UserName,
    };

    /// <summary>Machine-readable output instead of tables.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON (enums as strings) instead of tables",
        Recursive = true,
    };

    /// <summary>Adds the options to the root command.</summary>
    public void AddTo(Command root)
    {
        root.Add(ConnectionString);
        root.Add(Operator);
        root.Add(Json);
    }
}
