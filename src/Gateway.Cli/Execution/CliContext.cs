using System.CommandLine;
using Gateway.Cli.Output;

namespace Gateway.Cli.Execution;

/// <summary>What every command of one gatewayctl invocation shares: where it writes, the environment it reads, the clock.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider clock)
{
    /// <summary>The global options, declared once on the root command.</summary>
    public GlobalOptions Options { get; } = new();

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> Environment { get; } = environment;

    /// <summary>The clock, for "today" in Denmark.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>The invoked command's view of the global options.</summary>
    public CommandRun Begin(ParseResult parseResult) =>
        new(this, parseResult, new CommandOutput(Out, Error, parseResult.GetValue(Options.Json)));
}
