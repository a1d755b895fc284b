using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Certificates;

/// <summary><c>gatewayctl certificates list</c>.</summary>
public static class ListCertificatesCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var system = new Option<Guid?>("--system")
        {
            Description = "Only this IT system's certificates",
            HelpName = "ID",
            CustomParser = result => ValueParsers.Id(result),
        };
        var command = new Command("list", "List registered certificates") { system };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource => run.Output.Result(
                await new CertificateStore(dataSource).ListCertificatesAsync(parseResult.GetValue(system), cancellationToken), CertificatesText.Certificates));
        });
        return command;
    }
}
