using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Cli.Output;
using Gateway.Data.Supervision;
using Gateway.Domain.Supervision;

namespace Gateway.Cli.Supervision;

/// <summary>
/// <c>gatewayctl supervision overview --from DATE --to DATE [--sort overdue|late|missing|tool] [--format table|csv] [--output FILE]</c>:
/// one line per municipality and Employment Service unit, the largest share first, to see who needs a closer look.
/// </summary>
public static class SupervisionOverviewCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var (from, to) = (SupervisionGroup.From(), SupervisionGroup.To());
        var sort = new Option<string>("--sort") { Description = "overdue (default), late, missing or tool: the share to sort by, largest first", HelpName = "SHARE", DefaultValueFactory = _ => "overdue" };
        sort.AcceptOnlyFromAmong("overdue", "late", "missing", "tool");
        var format = new Option<string>("--format") { Description = "table (default), csv or json", HelpName = "FORMAT", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = SupervisionGroup.Output();
        var command = new Command("overview", "One line per authority for a period: overdue, late, missing-item and registration-tool shares") { from, to, sort, format, output };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var (first, last) = (parseResult.GetValue(from), parseResult.GetValue(to));
            if (SupervisionGroup.PeriodProblem(first, last, context.Clock) is { } problem)
            {
                return Task.FromResult(run.Output.Usage(problem));
            }

            return run.WithDatabaseAsync(async dataSource =>
            {
                var lines = await new SupervisionStore(dataSource, context.Clock).OverviewAsync(
                    first, last, SupervisionFigures.DefaultOverdueAfterMonths, cancellationToken);
                Func<SupervisionOverviewLine, double> key = parseResult.GetValue(sort) switch
                {
                    "late" => l => l.Late.Fraction,
                    "missing" => l => l.MissingMandatory.Fraction,
                    "tool" => l => l.ThroughTool.Fraction,
                    _ => l => l.Overdue.Fraction,
                };
                var sorted = lines.OrderByDescending(key).ThenBy(l => l.Authority.ToString(), StringComparer.Ordinal).ToList();
                Action<TextWriter, IReadOnlyList<SupervisionOverviewLine>> human = parseResult.GetValue(format) switch
                {
                    "csv" => SupervisionText.OverviewCsv,
                    "json" => CommandOutput.JsonOf,
                    _ => (writer, value) => SupervisionText.Overview(writer, value, first, last),
                };
                return await run.Output.ResultAsync<IReadOnlyList<SupervisionOverviewLine>>(sorted, human, parseResult.GetValue(output));
            });
        });
        return command;
    }
}
