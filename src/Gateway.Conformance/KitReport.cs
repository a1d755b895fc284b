using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Gateway.Conformance;

/// <summary>
/// What a run comes to, from the gateway's own judgement (<c>GET /conformance/v1/status</c>) and the kit's steps: a
/// JUnit XML file (one test case per scenario: failed when a required scenario is not passed, skipped when an
/// optional one is not) and a Markdown report for people.
/// </summary>
internal sealed class KitReport(JsonElement status, IReadOnlyList<StepResult> steps, DateTimeOffset started, TimeSpan took)
{
    /// <summary>Whether the gateway counts the IT system certified.</summary>
    public bool Certified => status.GetProperty("certified").GetBoolean();

    private IEnumerable<JsonElement> Scenarios => status.GetProperty("scenarios").EnumerateArray();

    /// <summary>One line per scenario, for the console.</summary>
    public void WriteSummary(TextWriter writer)
    {
        writer.WriteLine();
        foreach (var s in Scenarios)
        {
            writer.WriteLine($"  {State(s),-8} {Id(s),-28} {Text(s, "title")}{(Text(s, "note") is { } note ? " — " + note : "")}");
        }

        writer.WriteLine();
        writer.WriteLine(Certified
            ? "Certified: every required scenario is passed. Production agreements for this IT system can be approved."
            : $"Not certified: {Scenarios.Count(s => Required(s) && State(s) != "Passed")} required scenario(s) not passed.");
    }

    /// <summary>The JUnit XML report.</summary>
    public void WriteJUnit(string path)
    {
        var cases = Scenarios.Select(s =>
        {
            var element = new XElement("testcase",
                new XAttribute("classname", $"conformance.duty{s.GetProperty("duty").GetInt32()}"),
                new XAttribute("name", $"{Id(s)}: {Text(s, "title")}"),
                new XAttribute("time", "0"));
            if (State(s) != "Passed")
            {
                element.Add(Required(s)
                    ? new XElement("failure", new XAttribute("message", $"{State(s)}: {Text(s, "note") ?? Text(s, "nextStep")}"), Text(s, "nextStep"))
                    : new XElement("skipped", new XAttribute("message", "Optional: " + Text(s, "nextStep"))));
            }

            var evidence = s.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()).ToList();
            if (evidence.Count > 0)
            {
                element.Add(new XElement("system-out", "Evidence (call ids): " + string.Join(", ", evidence)));
            }

            return element;
        }).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", $"ContactCourse conformance, catalogue {Text(status, "catalogue")} (contract {Text(status, "contractVersion")})"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
            new XAttribute("skipped", cases.Count(c => c.Element("skipped") is not null)),
            new XAttribute("errors", 0),
            new XAttribute("timestamp", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("time", took.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
            cases);
        using var writer = System.Xml.XmlWriter.Create(path, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        new XDocument(new XElement("testsuites", suite)).Save(writer);
    }

    /// <summary>The Markdown report.</summary>
    public void WriteMarkdown(string path)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Conformance report: {Text(status, "itSystem")}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- IT system: `{Text(status, "itSystemId")}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Catalogue {Text(status, "catalogue")}, contract {Text(status, "contractVersion")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Run {started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {took.TotalSeconds:0.0} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Result: **{(Certified ? "certified" : "not certified")}**");
        text.AppendLine();
        text.AppendLine("| Scenario | Duty (§ 5) | Required | State | Evidence (call ids) | Note or next step |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in Scenarios)
        {
            var evidence = string.Join(", ", s.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{Id(s)}` {Cell(Text(s, "title"))} | {s.GetProperty("duty").GetInt32()} | {(Required(s) ? "yes" : "no")} | {State(s)} | {Cell(evidence)} | {Cell(Text(s, "note") ?? Text(s, "nextStep") ?? "")} |");
        }

        text.AppendLine();
        text.AppendLine("## Steps of the kit");
        text.AppendLine();
        foreach (var step in steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {(step.Failure is null ? "ok" : "**failed**")}: {step.Title}{(step.Failure is null ? "" : " — " + step.Failure)}");
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string Id(JsonElement s) => s.GetProperty("id").GetString()!;

    private static string State(JsonElement s) => s.GetProperty("state").GetString()!;

    private static bool Required(JsonElement s) => s.GetProperty("required").GetBoolean();

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
