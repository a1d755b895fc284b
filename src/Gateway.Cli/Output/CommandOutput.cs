using System.Text.Json;
using Gateway.Cli.Execution;

namespace Gateway.Cli.Output;

/// <summary>
/// Where a command's results and messages go: results to standard output, as text for people or as JSON with
/// <c>--json</c>; refusals and usage errors to standard error, always as text, with the exit code they mean.
/// </summary>
public sealed class CommandOutput(TextWriter stdout, TextWriter stderr, bool json)
{
    /// <summary>Whether results are written as JSON.</summary>
    public bool Json { get; } = json;

    /// <summary>Writes a value as JSON is written, whatever <c>--json</c> says: for a <c>--format json</c>.</summary>
    public static void JsonOf<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, JsonFormat.Options));

    /// <summary>Writes <paramref name="value"/>: as JSON, or through <paramref name="human"/>. Returns <see cref="ExitCodes.Success"/>.</summary>
    public int Result<T>(T value, Action<TextWriter, T> human)
    {
        if (Json)
        {
            JsonOf(stdout, value);
        }
        else
        {
            human(stdout, value);
        }

        return ExitCodes.Success;
    }

    /// <summary>As <see cref="Result{T}"/>, but into <paramref name="file"/> when one is given (an <c>--output FILE</c>), with a note that says where.</summary>
    public async Task<int> ResultAsync<T>(T value, Action<TextWriter, T> human, string? file)
    {
        if (file is null)
        {
            return Result(value, human);
        }

        await using (var writer = new StreamWriter(file))
        {
            new CommandOutput(writer, TextWriter.Null, Json).Result(value, human);
        }

        Note($"Wrote {Path.GetFullPath(file)}.");
        return ExitCodes.Success;
    }

    /// <summary>A note for people beside the result (standard error, so that scripts reading standard output are not disturbed).</summary>
    public void Note(string message) => stderr.WriteLine(message);

    /// <summary>Says why nothing was done; returns <see cref="ExitCodes.Refused"/>.</summary>
    public int Refuse(string message)
    {
        stderr.WriteLine(message);
        return ExitCodes.Refused;
    }

    /// <summary>Says why nothing was done, with one line per problem; returns <see cref="ExitCodes.Refused"/>.</summary>
    public int Refuse(string heading, IEnumerable<string> problems) =>
        Refuse(heading + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));

    /// <summary>Says what is wrong with the command line; returns <see cref="ExitCodes.Usage"/>.</summary>
    public int Usage(string message)
    {
        stderr.WriteLine(message);
        return ExitCodes.Usage;
    }
}
