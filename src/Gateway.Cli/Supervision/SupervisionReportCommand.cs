using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Supervision;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;

namespace Gateway.Cli.Supervision;

/// <summary>
/// <c>gatewayctl supervision report --authority KIND:CODE --from DATE --to DATE [--format table|csv|json|html] [--output FILE]</c>:
/// every figure of <see cref="SupervisionFigures"/> with its definition (<c>--json</c> is <c>--format json</c>).
/// </summary>
public static class SupervisionReportCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var authority = new Option<AuthorityId>("--authority")
        {
            Description = "The responsible authority: Municipality:CODE or EmploymentServiceUnit:CODE (an other actor's registrations count for its principal)",
            HelpName = "KIND:CODE",
            Required = true,
            CustomParser = ValueParsers.Authority,
        };
        var (from, to) = (SupervisionGroup.From(), SupervisionGroup.To());
        var format = new Option<string>("--format") { Description = "table (default), csv, json, or html (a self-contained page with charts)", HelpName = "FORMAT", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "html");
        var output = SupervisionGroup.Output();
        var overdue = new Option<int>("--overdue-months") { Description = $"Months after the last interview a citizen is overdue (default {SupervisionFigures.DefaultOverdueAfterMonths})", HelpName = "N", DefaultValueFactory = _ => SupervisionFigures.DefaultOverdueAfterMonths, CustomParser = ValueParsers.Positive };
        var limit = new Option<int>("--next-contact-months") { Description = "The next-contact limit in months (default 3, as Gateway:Registration:NextContactWarningMonths)", HelpName = "N", DefaultValueFactory = _ => new RegistrationPolicy().NextContactWarningMonths, CustomParser = ValueParsers.Positive };
        var command = new Command("report", "The supervision figures of one authority for a period, each with its definition") { authority, from, to, format, output, overdue, limit };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var who = parseResult.GetRequiredValue(authority);
            var (first, last) = (parseResult.GetValue(from), parseResult.GetValue(to));
            if (who.Kind is not (Contracts.CodeLists.AuthorityKind.Municipality or Contracts.CodeLists.AuthorityKind.EmploymentServiceUnit))
            {
                return Task.FromResult(run.Output.Usage("--authority must be a municipality or an Employment Service unit: the authority responsible for the registrations. An other actor's registrations count for its principal."));
            }

            if (SupervisionGroup.PeriodProblem(first, last, context.Clock) is { } problem)
            {
                return Task.FromResult(run.Output.Usage(problem));
            }

            return run.WithDatabaseAsync(async dataSource =>
            {
                var report = await new SupervisionStore(dataSource, context.Clock).ReportAsync(
                    who, first, last, parseResult.GetValue(overdue), parseResult.GetValue(limit), cancellationToken);
                Action<TextWriter, SupervisionReport> human = parseResult.GetValue(format) switch
                {
                    "csv" => SupervisionText.Csv,
                    "json" => CommandOutput.JsonOf,
                    "html" => SupervisionHtml.Write,
                    _ => SupervisionText.Table,
                };
                return await run.Output.ResultAsync(report, human, parseResult.GetValue(output));
            });
        });
        return command;
    }
}
