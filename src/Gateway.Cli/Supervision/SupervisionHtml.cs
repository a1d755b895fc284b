using System.Globalization;
using System.Net;
using System.Text;
using Gateway.Cli.Output;
using Gateway.Domain.Supervision;

namespace Gateway.Cli.Supervision;

/// <summary>
/// The supervision report as one self-contained HTML page a supervisor can open or mail: the figures with Danish and
/// English labels and their definitions beside them, and the monthly trend and the match-category distribution as
/// inline SVG charts. No script, and nothing fetched from anywhere: a Content-Security-Policy forbids it.
/// </summary>
public static class SupervisionHtml
{
    private const int ChartWidth = 640;
    private const int ChartHeight = 220;

    /// <summary>Writes the page.</summary>
    public static void Write(TextWriter writer, SupervisionReport report)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="da">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Tilsynsrapport / Supervision report: {{E(report.Authority.ToString())}}</title>
            <style>
              body { font-family: sans-serif; margin: 2em; color: #222; max-width: 60em; }
              table { border-collapse: collapse; width: 100%; margin: 1em 0; }
              th, td { border-bottom: 1px solid #ccc; padding: .35em .5em; text-align: left; vertical-align: top; }
              td.n { text-align: right; white-space: nowrap; }
              .definition { color: #555; font-size: .9em; }
              .en { color: #666; }
              figure { margin: 1.5em 0; }
              svg text { font-size: 11px; fill: #333; }
            </style>
            </head>
            <body>
            <h1>Tilsynsrapport <span class="en">/ Supervision report</span></h1>
            <p>{{E(report.Authority.ToString())}}, {{HumanText.Day(report.From)}} – {{HumanText.Day(report.To)}}.
            Beregnet <span class="en">/ computed</span> {{HumanText.Time(report.ComputedAt)}}.
            Frist for samtale <span class="en">/ overdue interval</span>: {{report.OverdueAfterMonths}} mdr.; næste kontakt <span class="en">/ next-contact limit</span>: {{report.NextContactLimitMonths}} mdr.</p>
            <table id="figures">
            <thead><tr><th>Figur <span class="en">/ Figure</span></th><th>Værdi <span class="en">/ Value</span></th><th>Andel <span class="en">/ Share</span></th><th>Definition</th></tr></thead>
            <tbody>

            """);
        Row(html, SupervisionFigures.Interviews, report.Interviews.ToString(CultureInfo.InvariantCulture), "");
        Row(html, SupervisionFigures.InCourse, report.CitizensInCourse.ToString(CultureInfo.InvariantCulture), "");
        Row(html, SupervisionFigures.Overdue, report.OverdueCitizens.ToString(CultureInfo.InvariantCulture), "");
        Row(html, SupervisionFigures.Late, $"{report.Late.Count} / {report.Late.Of}", Percent(report.Late));
        Row(html, SupervisionFigures.NextContactBeyond, $"{report.NextContactBeyondLimit.Count} / {report.NextContactBeyondLimit.Of}", Percent(report.NextContactBeyondLimit));
        Row(html, SupervisionFigures.ThroughTool, $"{report.ThroughTool.Count} / {report.ThroughTool.Of}", Percent(report.ThroughTool));
        Row(html, SupervisionFigures.MissingItems, string.Join("<br>", report.MissingMandatory.Select(m => $"{E(m.Key)}: {m.Value.Count}")), string.Join("<br>", report.MissingMandatory.Select(m => Percent(m.Value))), encoded: true);
        if (report.VoluntaryUptake.Count > 0)
        {
            Row(html, SupervisionFigures.VoluntaryUptake, string.Join("<br>", report.VoluntaryUptake.Select(m => $"{E(m.Key)}: {m.Value.Count}")), string.Join("<br>", report.VoluntaryUptake.Select(m => Percent(m.Value))), encoded: true);
        }

        Row(html, SupervisionFigures.MatchMovement, $"closer {report.MatchMovement.Closer}, further {report.MatchMovement.Further}, unchanged {report.MatchMovement.Unchanged}", "");
        html.Append("</tbody>\n</table>\n");

        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(SupervisionFigures.Monthly.Danish)} <span class=\"en\">/ {E(SupervisionFigures.Monthly.English)}</span></h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"definition\">{E(SupervisionFigures.Monthly.Definition)}</p>\n");
        html.Append(BarChart("monthly-chart", "Samtaler og for sene registreringer pr. måned / Interviews and late registrations per month",
            [.. report.Monthly.Select(m => (m.First.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Interviews, (int?)m.Late))]));
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(SupervisionFigures.MatchCategories.Danish)} <span class=\"en\">/ {E(SupervisionFigures.MatchCategories.English)}</span></h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"definition\">{E(SupervisionFigures.MatchCategories.Definition)}</p>\n");
        html.Append(BarChart("match-chart", "Samtaler pr. matchkategori / Interviews per match category",
            [.. report.MatchCategories.Select(c => ($"{c.Key}", c.Value, (int?)null))]));
        html.Append("</body>\n</html>\n");
        writer.Write(html.ToString());
    }

    private static void Row(StringBuilder html, SupervisionFigure figure, string value, string share, bool encoded = false) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<tr id=\"{figure.Id}\"><td>{E(figure.Danish)}<br><span class=\"en\">{E(figure.English)}</span></td><td class=\"n\">{(encoded ? value : E(value))}</td><td class=\"n\">{share}</td><td class=\"definition\">{E(figure.Definition)}</td></tr>\n");

    // Vertical bars, one per label; a second, darker bar inside for the part (late registrations) where there is one.
    private static string BarChart(string id, string title, IReadOnlyList<(string Label, int Value, int? Part)> bars)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" role=\"img\" aria-label=\"{E(title)}\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>\n");
        const int left = 40, bottom = 30, top = 10;
        var plotHeight = ChartHeight - bottom - top;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var slot = bars.Count == 0 ? 0 : (ChartWidth - left - 10) / (double)bars.Count;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{ChartHeight - bottom}\" x2=\"{ChartWidth - 10}\" y2=\"{ChartHeight - bottom}\" stroke=\"#999\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 10}\" text-anchor=\"end\">{max}</text><text x=\"{left - 6}\" y=\"{ChartHeight - bottom}\" text-anchor=\"end\">0</text>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, part) = bars[i];
            var x = left + (i * slot) + (slot * 0.15);
            var width = slot * 0.7;
            var height = plotHeight * value / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{ChartHeight - bottom - height:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"#4a7ab5\"><title>{E(label)}: {value}</title></rect>\n");
            if (part is { } p && p > 0)
            {
                var partHeight = plotHeight * p / (double)max;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"part\" x=\"{x:0.#}\" y=\"{ChartHeight - bottom - partHeight:0.#}\" width=\"{width:0.#}\" height=\"{partHeight:0.#}\" fill=\"#c0504d\"><title>{E(label)}: {p} late</title></rect>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (width / 2):0.#}\" y=\"{ChartHeight - bottom + 14}\" text-anchor=\"middle\">{E(label)}</text>\n");
        }

        svg.Append("</svg>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(title)}</figcaption></figure>\n");
        return svg.ToString();
    }

    private static string Percent(SupervisionReport.Share share) => share.Of == 0 ? "–" : share.Fraction.ToString("0.0 %", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
