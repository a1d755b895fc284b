using System.CommandLine;
using System.CommandLine.Parsing;
using Gateway.Cli.Execution;
using Gateway.Data.AccessLog;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.Audit;

/// <summary><c>gatewayctl audit show --cpr CPR</c>: who accessed one citizen's data, oldest first. The CPR number is shown masked only.</summary>
public static class ShowAuditCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var cpr = new Option<string>("--cpr")
        {
            Description = "The citizen's CPR number, 10 digits (DDMMYY-SSSS also accepted)",
            HelpName = "CPR",
            Required = true,
            CustomParser = CprNumber,
        };
        var command = new Command("show", "Show who accessed one citizen's data: when, what, the outcome, and under which agreement, system and authority") { cpr };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var value = parseResult.GetRequiredValue(cpr);
            return run.WithDatabaseAsync(async dataSource => run.Output.Result(
                new CitizenAccessReport(Cpr.Mask(value), await new CitizenAccessLog(dataSource).ReadAsync(value, cancellationToken)), AuditText.CitizenAccess));
        });
        return command;
    }

    // The value is not echoed in the error: it may be a CPR number with a typo in it.
    private static string CprNumber(ArgumentResult result)
    {
        var value = result.Tokens[0].Value.Trim();
        var digits = value.Length == 11 && value[6] == '-' ? value.Remove(6, 1) : value;
        if (digits.Length == 10 && digits.All(char.IsAsciiDigit))
        {
            return digits;
        }

        result.AddError("--cpr takes a CPR number: 10 digits, or 6 digits, a hyphen and 4 digits.");
        return "";
    }
}
