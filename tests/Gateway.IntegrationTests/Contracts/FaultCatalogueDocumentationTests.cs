using System.Text.RegularExpressions;
using Gateway.Domain.Faults;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Contracts;

/// <summary>The fault codes are part of the published contract: every code is documented, and nothing documented is made up.</summary>
[TestFixture]
public sealed partial class FaultCatalogueDocumentationTests
{
    private static readonly string Document = File.ReadAllText(Repository.PathOf("docs", "faults.md"));

    [Test]
    public void FaultsDocument_AsPublished_ListsEveryCodeOfTheCatalogue() =>
        Assert.That(FaultCodes.All.Select(c => c.Value).Where(code => !Document.Contains($"`{code}`", StringComparison.Ordinal)), Is.Empty);

    [Test]
    public void FaultsDocument_AsPublished_NamesNoCodeOutsideTheCatalogue() =>
        Assert.That(DocumentedCode().Matches(Document).Select(m => m.Groups[1].Value).Distinct().Except(FaultCodes.All.Select(c => c.Value)), Is.Empty);

    [Test]
    public void FaultsDocument_AsPublished_SaysHowManyCodesTheCatalogueHas() =>
        Assert.That(Document, Does.Contain($"These are all {FaultCodes.All.Count} codes in `FaultCodes.All`."));

    [GeneratedRegex(@"`((?:Client|Server)(?:\.[A-Za-z]+)+)`")]
    private static partial Regex DocumentedCode();
}
