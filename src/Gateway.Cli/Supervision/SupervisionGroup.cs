using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;

namespace Gateway.Cli.Supervision;

/// <summary><c>gatewayctl supervision</c>: the figures of visitationstilsyn (domain.md § 9) for an authority and a period.</summary>
public static class SupervisionGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("supervision", "Supervision figures (visitationstilsyn) per authority and period")
        {
            SupervisionReportCommand.Create(context),
            SupervisionOverviewCommand.Create(context),
        };

    /// <summary>The period's first day.</summary>
    public static Option<DateOnly> From() => new("--from") { Description = "First day of the period", HelpName = "YYYY-MM-DD", Required = true, CustomParser = r => ValueParsers.Date(r) ?? default };

    /// <summary>The period's last day.</summary>
    public static Option<DateOnly> To() => new("--to") { Description = "Last day of the period; overdue is judged on this day", HelpName = "YYYY-MM-DD", Required = true, CustomParser = r => ValueParsers.Date(r) ?? default };

    /// <summary>Where to write the result instead of standard output.</summary>
    public static Option<string> Output() => new("--output") { Description = "Write the result to this file instead of standard output", HelpName = "FILE" };

    /// <summary>What is wrong with the period, or null: the rule the SOAP operations apply (<see cref="SupervisionRequests.PeriodProblems"/>).</summary>
    public static string? PeriodProblem(DateOnly first, DateOnly last, TimeProvider clock) =>
        SupervisionRequests.PeriodProblems(first, last, new RegistrationPolicy(), clock.GetUtcNow()) is [var problem, ..]
            ? $"{(problem.Field.EndsWith("From", StringComparison.Ordinal) ? "--from" : "--to")}: {problem.Text}"
            : null;
}
