using System.Text.RegularExpressions;
using Gateway.Contracts;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Contracts;

/// <summary>
/// Where docs/operators.md lists an agreement's default operations (every operation of the contract, as
/// <c>AgreementRequest.Operations</c> defaults), it lists them all: the list once named seven of nine.
/// </summary>
[TestFixture]
public sealed partial class OperatorsGuideDocumentationTests
{
    private static readonly string Document = File.ReadAllText(Repository.PathOf("docs", "operators.md"));

    [Test]
    public void AgreementFieldTable_DefaultOperations_AreEveryOperationOfTheContract()
    {
        var row = Document.Split('\n').Single(l => l.StartsWith("| Operations it may call |", StringComparison.Ordinal));
        var defaults = row.Split('|')[3];

        Assert.That(BackQuoted().Matches(defaults).Select(m => m.Groups[1].Value), Is.EquivalentTo(ContactCourseActions.ByOperation.Keys));
    }

    [Test]
    public void SandboxAgreementShown_Operations_AreEveryOperationOfTheContractInOrder()
    {
        // The sandbox's agreement asks for the default operations, and show prints them in ordinal order.
        var line = Document.Split('\n').Single(l => l.StartsWith("Operations   ", StringComparison.Ordinal));

        Assert.That(line["Operations".Length..].Trim(), Is.EqualTo(string.Join(", ", ContactCourseActions.ByOperation.Keys.Order(StringComparer.Ordinal))));
    }

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex BackQuoted();
}
