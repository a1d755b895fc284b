using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.Systems;

/// <summary><c>gatewayctl systems add</c>: registers an IT system and prints its id, which certificates and agreements name.</summary>
public static class AddSystemCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The system's name (unique)", Required = true, CustomParser = ValueParsers.Text };
        var vendorCvr = new Option<string>("--vendor-cvr")
        {
            Description = "The vendor's CVR number (8 digits)",
            HelpName = "CVR",
            Required = true,
            CustomParser = ValueParsers.Text,
        };
        var command = new Command("add", "Register an IT system; prints its id (a system of that name already registered is kept as it is)") { name, vendorCvr };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var cvr = parseResult.GetRequiredValue(vendorCvr);
            if (!Cvr.IsValid(cvr))
            {
                return Task.FromResult(run.Output.Refuse(
                    $"Cannot add the IT system: the vendor CVR number '{cvr}' is not valid (8 digits with a valid modulus-11 check); check it in the CVR register."));
            }

            return run.WithDatabaseAsync(async dataSource =>
            {
                var id = await new ItSystemStore(dataSource).AddItSystemAsync(parseResult.GetRequiredValue(name), cvr, run.Operator, cancellationToken);
                return run.Output.Result(new ItSystemAdded(id), SystemsText.ItSystemAdded);
            });
        });
        return command;
    }
}
