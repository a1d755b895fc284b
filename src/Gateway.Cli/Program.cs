using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Gateway.Cli.Agreements;
using Gateway.Cli.Audit;
using Gateway.Cli.CaseWorkers;
using Gateway.Cli.Authorities;
using Gateway.Cli.CertificateAuthority;
using Gateway.Cli.Certificates;
using Gateway.Cli.Conformance;
using Gateway.Cli.Execution;
using Gateway.Cli.Registrations;
using Gateway.Cli.Schema;
using Gateway.Cli.Supervision;
using Gateway.Cli.Systems;

namespace Gateway.Cli;

/// <summary>
/// gatewayctl, the operator's command line. The command tree reads here; each group lives in its own folder, output
/// formatting in Output/, and what every command shares (options, connection, exit codes) in Execution/.
/// </summary>
public static class Gatewayctl
{
    /// <summary>The process entry point.</summary>
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line, writing to the given streams; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, Environment.GetEnvironmentVariable, TimeProvider.System, CancellationToken.None);

    /// <summary>Runs one command line with the given environment and clock; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, TimeProvider clock, CancellationToken cancellationToken)
    {
        var context = new CliContext(stdout, stderr, environment, clock);
        var root = new RootCommand("gatewayctl: operate the ContactCourse gateway: its database, authorities, IT systems, certificates and connection agreements")
        {
            MigrateCommand.Create(context),
            AuthoritiesGroup.Create(context),
            SystemsGroup.Create(context),
            CertificatesGroup.Create(context),
            CaseWorkersGroup.Create(context),
            AgreementsGroup.Create(context),
            RegistrationsGroup.Create(context),
            ConformanceGroup.Create(context),
            SupervisionGroup.Create(context),
            AuditGroup.Create(context),
            CertificateAuthorityGroup.Create(context),
        };
        context.Options.AddTo(root);

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // System.CommandLine exits 1 on a parse error; 1 means "refused" here, so usage errors are reported by hand.
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            await stderr.WriteLineAsync($"Run `{CommandPath(parseResult.CommandResult)} --help` for usage.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
    }

    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? CommandPath(parent) + " " + command.Command.Name : "gatewayctl";
}
