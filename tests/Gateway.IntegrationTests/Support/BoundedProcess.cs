using System.Diagnostics;

namespace Gateway.IntegrationTests.Support;

/// <summary>Runs a helper program to its end within a bound, failing the test with its output when it fails or hangs.</summary>
public static class BoundedProcess
{
    public static void Run(string program, IReadOnlyList<string> arguments, TimeSpan bound, string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var line = program + " " + string.Join(' ', arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {line}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(bound))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
            Assert.Fail($"{line} did not end within {bound.TotalSeconds:0} s. stderr: {Tail(errors)} stdout: {Tail(output)}");
        }

        if (process.ExitCode != 0)
        {
            Assert.Fail($"{line} exited with {process.ExitCode}. stderr: {Tail(errors)} stdout: {Tail(output)}");
        }
    }

    private static string Tail(Task<string> text) =>
        text.Wait(TimeSpan.FromSeconds(2)) ? text.Result.Trim() is { Length: > 0 } t ? t : "(empty)" : "(not readable)";
}
