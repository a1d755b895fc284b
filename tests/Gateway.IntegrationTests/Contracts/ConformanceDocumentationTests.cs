using System.Text.RegularExpressions;
using Gateway.Domain.Conformance;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Contracts;

/// <summary>The scenario table of docs/conformance.md is the catalogue's: every scenario is documented, and the table names none the catalogue lacks.</summary>
[TestFixture]
public sealed partial class ConformanceDocumentationTests
{
    private static readonly string Document = File.ReadAllText(Repository.PathOf("docs", "conformance.md"));

    [Test]
    public void ScenarioTable_AsPublished_NamesEveryScenarioOfTheCatalogue() =>
        Assert.That(ConformanceCatalogue.Scenarios.Select(s => s.Id).Except(TableIds()), Is.Empty);

    [Test]
    public void ScenarioTable_AsPublished_NamesNoScenarioOutsideTheCatalogue() =>
        Assert.That(TableIds().Except(ConformanceCatalogue.Scenarios.Select(s => s.Id)), Is.Empty);

    [Test]
    public void ScenarioTable_RequiredColumn_MatchesTheCatalogue()
    {
        var optional = Rows().Where(r => r.Required == "no").SelectMany(r => r.Ids);
        Assert.That(optional, Is.EquivalentTo(ConformanceCatalogue.Scenarios.Where(s => !s.Required).Select(s => s.Id)));
    }

    [Test]
    public void Document_AsPublished_NamesTheCatalogueVersionAndTheOutageLength() =>
        Assert.That(Document, Does.Contain($"## The scenarios (catalogue {ConformanceCatalogue.Version}, contract {ConformanceCatalogue.ContractVersion})")
            .And.Contain($"Refuses {ConformanceDrills.OutageWrites} writes in a row"));

    private static IEnumerable<string> TableIds() => Rows().SelectMany(r => r.Ids);

    // The rows of the table under "## The scenarios": the ids in the first column, and the Required column.
    private static IEnumerable<(IReadOnlyList<string> Ids, string Required)> Rows()
    {
        var section = Document[Document.IndexOf("## The scenarios", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            yield return ([.. Id().Matches(cells[1]).Select(m => m.Groups[1].Value)], cells[4].Trim());
        }
    }

    [GeneratedRegex("`([a-z][a-z0-9.-]*(?:\\.[A-Za-z0-9-]+)?)`")]
    private static partial Regex Id();
}
