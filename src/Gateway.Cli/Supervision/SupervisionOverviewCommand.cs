using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Supervision;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;

namespace Gateway.Cli.Supervision;

/// <summary>
/// <c>gatewayctl supervision overview --from DATE --to DATE [--sort overdue|late|missing] [--format table|csv] [--output FILE]</c>:
/// one line per municipality and Employment Service unit, the largest share first, to see who needs a closer look.
/// </summary>
public static class SupervisionOverviewCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var from = new Option<DateOnly>("--from") { Description = "First day of the period", HelpName = "YYYY-MM-DD", Required = true, CustomParser = r => ValueParsers.Date(r) ?? default };
        var to = new Option<DateOnly>("--to") { Description = "Last day of the period", HelpName = "YYYY-MM-DD", Required = true, CustomParser = r => ValueParsers.Date(r) ?? default };
        var sort = new Option<string>("--sort") { Description = "overdue (default), late or missing: the share to sort by, largest first", HelpName = "SHARE", DefaultValueFactory = _ => "overdue" };
        sort.AcceptOnlyFromAmong("overdue", "late", "missing");
        var format = new Option<string>("--format") { Description = "table (default) or csv; --json gives JSON", HelpName = "FORMAT", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var output = new Option<string>("--output") { Description = "Write the overview to this file instead of standard output", HelpName = "FILE" };
        var command = new Command("overview", "One line per authority for a period: overdue, late and missing-item shares") { from, to, sort, format, output };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var (first, last) = (parseResult.GetValue(from), parseResult.GetValue(to));
            if (last < first)
            {
                return Task.FromResult(run.Output.Usage($"--to ({last:yyyy-MM-dd}) is before --from ({first:yyyy-MM-dd})."));
            }

            return run.WithDatabaseAsync(async dataSource =>
            {
                var lines = await new SupervisionStore(dataSource, TimeProvider.System).OverviewAsync(
                    first, last, SupervisionFigures.DefaultOverdueAfterMonths, new RegistrationPolicy().NextContactWarningMonths, cancellationToken);
                Func<SupervisionOverviewLine, double> key = parseResult.GetValue(sort) switch
                {
                    "late" => l => l.Late.Fraction,
                    "missing" => l => l.MissingMandatory.Fraction,
                    _ => l => l.Overdue.Fraction,
                };
                var sorted = lines.OrderByDescending(key).ThenBy(l => l.Authority.ToString(), StringComparer.Ordinal).ToList();
                Action<TextWriter, IReadOnlyList<SupervisionOverviewLine>> human = parseResult.GetValue(format) == "csv"
                    ? SupervisionText.OverviewCsv
                    : (writer, value) => SupervisionText.Overview(writer, value, first, last);
                if (parseResult.GetValue(output) is not { } file)
                {
                    return run.Output.Result<IReadOnlyList<SupervisionOverviewLine>>(sorted, human);
                }

                await using (var writer = new StreamWriter(file))
                {
                    new Output.CommandOutput(writer, TextWriter.Null, run.Output.Json).Result<IReadOnlyList<SupervisionOverviewLine>>(sorted, human);
                }

                run.Output.Note($"Wrote the overview to {Path.GetFullPath(file)}.");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
