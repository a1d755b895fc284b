using System.CommandLine;
using Gateway.Cli.Output;
using Gateway.Domain.Calendar;

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

    /// <summary>The environment variable of the gateway's time zone setting (<c>Gateway:Registration:TimeZone</c>).</summary>
    public const string TimeZoneVariable = "Gateway__Registration__TimeZone";

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>
    /// The gateway's calendar, for "today" in Denmark: the zone the gateway is configured with, read from the same
    /// environment variable, else the gateway's default.
    /// </summary>
    public DanishCalendar Calendar => DanishCalendar.Of(Environment(TimeZoneVariable) is { Length: > 0 } zone ? zone : DanishCalendar.DefaultTimeZone, Clock);

    /// <summary>The invoked command's view of the global options.</summary>
    public CommandRun Begin(ParseResult parseResult) =>
        new(this, parseResult, new CommandOutput(Out, Error, parseResult.GetValue(Options.Json)));
}
