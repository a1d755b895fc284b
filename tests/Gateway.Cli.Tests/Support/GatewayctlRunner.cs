namespace Gateway.Cli.Tests.Support;

/// <summary>Runs gatewayctl in-process through its entry point, against one database, as one operator.</summary>
public sealed class GatewayctlRunner(string? connectionString, string operatorName = GatewayctlRunner.Operator)
{
    /// <summary>The operator the tests act as unless they say otherwise.</summary>
    public const string Operator = "alice";

    /// <summary>Runs the command line with this database and operator; the machine's environment is not consulted.</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        RunRawAsync([.. connectionString is null ? [] : new[] { "--connection-string", connectionString }, "--operator", operatorName, .. args]);

    /// <summary>Runs the command line with <c>--json</c> and asserts that it succeeded.</summary>
    public async Task<CliResult> JsonAsync(params string[] args)
    {
        var result = await RunAsync(["--json", .. args]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return result;
    }

    /// <summary>The same database as another operator.</summary>
    public GatewayctlRunner As(string other) => new(connectionString, other);

    /// <summary>
    /// Runs exactly <paramref name="args"/>, with <paramref name="environment"/> as the only environment. Unless it says
    /// otherwise, the embedded database's folder is one that does not exist, so a gateway once run on this machine
    /// with its default folder is never found by accident.
    /// </summary>
    public static async Task<CliResult> RunRawAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var nowhere = Path.Combine(Path.GetTempPath(), "gatewayctl-tests-no-embedded-database");
        var exitCode = await Gatewayctl.RunAsync(
            args, stdout, stderr,
            name => environment?.GetValueOrDefault(name) ?? (name == Gateway.Cli.Execution.ConnectionStringSource.DataDirectoryVariable ? nowhere : null),
            TimeProvider.System, CancellationToken.None);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
