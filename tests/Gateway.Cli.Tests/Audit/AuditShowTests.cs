using Gateway.Cli.Execution;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.Tests.Audit;

[TestFixture]
[NonParallelizable] // Seals up to the oldest transaction open anywhere in the cluster: runs alone.
public sealed class AuditShowTests : AccessLogFixture
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 15, 0, TimeSpan.Zero);

    [Test]
    public async Task Show_Cpr_ListsExactlyThatCitizensEntriesOldestFirst()
    {
        // Recorded newest first, so that the order shown is the time's, not the insertion's.
        var ids = await RecordAsync(
            Entry(Citizen, "RegisterInterview", Monday.AddHours(2), new AuthorityId(AuthorityKind.Municipality, "147")),
            Entry(OtherCitizen, "GetContactCourse", Monday.AddHours(1)),
            Entry(null, "Ping", Monday.AddHours(1)),
            Entry(Citizen, "GetContactCourse", Monday));

        var human = await Succeeds("audit", "show", "--cpr", Citizen);
        var json = (await Cli.JsonAsync("audit", "show", "--cpr", Citizen)).Json;

        var lines = human.Stdout.TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(4), human.ToString);
            Assert.That(lines[0], Is.EqualTo("Access to the data of citizen 010190-xxxx: 2 entries, oldest first"));
            Assert.That(lines[1], Does.Match("^TIME +OPERATION +OUTCOME +AGREEMENT +IT SYSTEM +AUTHORITY +PRINCIPAL +CASE WORKER +CALL ID$"));
            Assert.That(lines[2], Does.Match("^2025-03-03 09:15:00Z +GetContactCourse +Ok +[0-9a-f-]{36} +CaseSys +Municipality:101 +- +cw-17 +call-"));
            Assert.That(lines[3], Does.Match("^2025-03-03 11:15:00Z +RegisterInterview +Ok +[0-9a-f-]{36} +CaseSys +Municipality:101 +Municipality:147 +cw-17 +call-"));
            Assert.That(json.GetProperty("cpr").GetString(), Is.EqualTo("010190-xxxx"));
            Assert.That(json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()), Is.EqualTo(new[] { ids[3], ids[0] }));
            Assert.That(json.GetProperty("entries")[0].GetProperty("itSystemId").GetGuid(), Is.EqualTo(SystemId));
        });
    }

    [TestCase("0101901234")]
    [TestCase("010190-1234")]
    public async Task Show_Cpr_NeverPrintsTheFullNumber(string given)
    {
        await RecordAsync(Entry(Citizen), Entry(OtherCitizen));

        var human = await Succeeds("audit", "show", "--cpr", given);
        var json = await Cli.JsonAsync("audit", "show", "--cpr", given);

        foreach (var output in new[] { human.Stdout, human.Stderr, json.Stdout, json.Stderr })
        {
            Assert.That(output, Does.Not.Contain(Citizen).And.Not.Contain("010190-1234").And.Not.Contain(OtherCitizen[..6]));
        }

        Assert.That(human.Stdout, Does.StartWith("Access to the data of citizen 010190-xxxx: 1 entry,"));
    }

    [Test]
    public async Task Show_CitizenWithoutEntries_SaysSo()
    {
        await RecordAsync(Entry(OtherCitizen));

        var result = await Succeeds("audit", "show", "--cpr", Citizen);

        Assert.That(result.Stdout.Trim(), Is.EqualTo("No access to the data of citizen 010190-xxxx is recorded."));
    }

    [TestCase("01019012345")]
    [TestCase("010190123")]
    [TestCase("01019O1234")]
    public async Task Show_MalformedCpr_IsAUsageErrorThatDoesNotEchoIt(string given)
    {
        var result = await Cli.RunAsync("audit", "show", "--cpr", given);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--cpr takes a CPR number").And.Not.Contain(given));
    }
}
