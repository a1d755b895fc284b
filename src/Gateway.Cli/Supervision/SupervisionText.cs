using System.Globalization;
using Gateway.Cli.Output;
using Gateway.Domain.Supervision;

namespace Gateway.Cli.Supervision;

/// <summary>The supervision report as people read it (a table with the definitions) and as spreadsheets read it (CSV); <c>--json</c> bypasses this.</summary>
public static class SupervisionText
{
    /// <summary>The table, figure by figure, each followed by its definition.</summary>
    public static void Table(TextWriter writer, SupervisionReport report)
    {
        writer.WriteLine($"Supervision report / Tilsynsrapport: {report.Authority}, {HumanText.Day(report.From)} to {HumanText.Day(report.To)}, computed {HumanText.Time(report.ComputedAt)}");
        writer.WriteLine();
        var table = new TextTable("FIGURE", "FIGUR", "VALUE", "SHARE");
        SupervisionFigure? current = null;
        foreach (var (figure, key, count, of) in Rows(report))
        {
            if (key is not null && figure != current)
            {
                // A figure reported only by its parts gets a line of its own above them.
                table.Add(figure.English, figure.Danish, "", "");
            }

            current = figure;
            table.Add(key is null ? figure.English : $"  {key}", key is null ? figure.Danish : "", of is null ? count.ToString(CultureInfo.InvariantCulture) : $"{count} of {of}", of is null ? "" : Percent(count, of.Value));
        }

        table.WriteTo(writer, "No figures.");
        writer.WriteLine();
        writer.WriteLine("Definitions:");
        foreach (var figure in SupervisionFigures.All)
        {
            writer.WriteLine($"- {figure.English} ({figure.Id}): {figure.Definition}");
        }

        writer.WriteLine($"  Overdue interval {report.OverdueAfterMonths} months; next-contact limit {report.NextContactLimitMonths} months.");
    }

    /// <summary>One line per number: figure id, breakdown key, count, out of, share; the period and authority on every line.</summary>
    public static void Csv(TextWriter writer, SupervisionReport report)
    {
        writer.WriteLine("authority,from,to,figure,key,count,of,share");
        foreach (var (figure, key, count, of) in Rows(report))
        {
            writer.WriteLine(string.Join(',',
                report.Authority.ToString(), HumanText.Day(report.From), HumanText.Day(report.To), figure.Id, Quote(key ?? ""),
                count.ToString(CultureInfo.InvariantCulture), of?.ToString(CultureInfo.InvariantCulture) ?? "",
                of is { } total && total > 0 ? ((double)count / total).ToString("0.0000", CultureInfo.InvariantCulture) : ""));
        }
    }

    /// <summary>The overview as a table, one authority a line.</summary>
    public static void Overview(TextWriter writer, IReadOnlyList<SupervisionOverviewLine> lines, DateOnly from, DateOnly to)
    {
        writer.WriteLine($"Supervision overview / Tilsynsoverblik, {HumanText.Day(from)} to {HumanText.Day(to)}");
        writer.WriteLine();
        var table = new TextTable("AUTHORITY", "NAME", "INTERVIEWS", "IN COURSE", "OVERDUE", "LATE", "MISSING ITEMS", "TOOL");
        foreach (var l in lines)
        {
            table.Add(l.Authority.ToString(), l.Name, l.Interviews.ToString(CultureInfo.InvariantCulture), l.CitizensInCourse.ToString(CultureInfo.InvariantCulture),
                $"{l.Overdue.Count} ({Percent(l.Overdue.Count, l.Overdue.Of)})", $"{l.Late.Count} ({Percent(l.Late.Count, l.Late.Of)})",
                $"{l.MissingMandatory.Count} ({Percent(l.MissingMandatory.Count, l.MissingMandatory.Of)})",
                $"{l.ThroughTool.Count} ({Percent(l.ThroughTool.Count, l.ThroughTool.Of)})");
        }

        table.WriteTo(writer, "No municipality or Employment Service unit is registered.");
        writer.WriteLine();
        writer.WriteLine($"OVERDUE is out of the citizens in a course; LATE, MISSING ITEMS and TOOL (first registered in the registration tool) are out of the interviews held. Definitions: `gatewayctl supervision report`.");
    }

    /// <summary>The overview as CSV.</summary>
    public static void OverviewCsv(TextWriter writer, IReadOnlyList<SupervisionOverviewLine> lines)
    {
        writer.WriteLine("authority,name,interviews,citizens_in_course,overdue,overdue_share,late,late_share,missing_mandatory,missing_share,registration_tool,registration_tool_share");
        foreach (var l in lines)
        {
            writer.WriteLine(string.Join(',', l.Authority.ToString(), Quote(l.Name), l.Interviews.ToString(CultureInfo.InvariantCulture),
                l.CitizensInCourse.ToString(CultureInfo.InvariantCulture), l.Overdue.Count.ToString(CultureInfo.InvariantCulture), Fraction(l.Overdue),
                l.Late.Count.ToString(CultureInfo.InvariantCulture), Fraction(l.Late), l.MissingMandatory.Count.ToString(CultureInfo.InvariantCulture), Fraction(l.MissingMandatory),
                l.ThroughTool.Count.ToString(CultureInfo.InvariantCulture), Fraction(l.ThroughTool)));
        }
    }

    private static string Fraction(SupervisionReport.Share share) => share.Fraction.ToString("0.0000", CultureInfo.InvariantCulture);

    // Every number of the report, in figure order: the figure, the breakdown key (null for the figure's own total), the count, and what it is out of.
    private static IEnumerable<(SupervisionFigure Figure, string? Key, int Count, int? Of)> Rows(SupervisionReport r)
    {
        yield return (SupervisionFigures.Interviews, null, r.Interviews, null);
        foreach (var b in r.ByTypeAndForm)
        {
            yield return (SupervisionFigures.Interviews, $"{b.Type} / {b.Form}", b.Interviews, null);
        }

        yield return (SupervisionFigures.InCourse, null, r.CitizensInCourse, null);
        yield return (SupervisionFigures.Overdue, null, r.OverdueCitizens, null);
        yield return (SupervisionFigures.Late, null, r.Late.Count, r.Late.Of);
        yield return (SupervisionFigures.NextContactBeyond, null, r.NextContactBeyondLimit.Count, r.NextContactBeyondLimit.Of);
        yield return (SupervisionFigures.ThroughTool, null, r.ThroughTool.Count, r.ThroughTool.Of);
        foreach (var (item, share) in r.MissingMandatory)
        {
            yield return (SupervisionFigures.MissingItems, item, share.Count, share.Of);
        }

        foreach (var (item, share) in r.VoluntaryUptake)
        {
            yield return (SupervisionFigures.VoluntaryUptake, item, share.Count, share.Of);
        }

        foreach (var (category, count) in r.MatchCategories)
        {
            yield return (SupervisionFigures.MatchCategories, $"category {category}", count, r.Interviews);
        }

        yield return (SupervisionFigures.MatchMovement, "closer", r.MatchMovement.Closer, null);
        yield return (SupervisionFigures.MatchMovement, "further", r.MatchMovement.Further, null);
        yield return (SupervisionFigures.MatchMovement, "unchanged", r.MatchMovement.Unchanged, null);
        foreach (var month in r.Monthly)
        {
            yield return (SupervisionFigures.Monthly, $"{month.First:yyyy-MM} interviews", month.Interviews, null);
            yield return (SupervisionFigures.Monthly, $"{month.First:yyyy-MM} late", month.Late, month.Interviews);
        }
    }

    private static string Percent(int count, int of) => of == 0 ? "-" : ((double)count / of).ToString("0.0 %", CultureInfo.InvariantCulture);

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
