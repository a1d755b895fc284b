using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Authorities;

[TestFixture]
public sealed class AuthoritiesCommandTests : CliFixture
{
    [Test]
    public async Task Add_ThenList_ShowsItInATableAndAsJson()
    {
        await Succeeds("authorities", "add", "--kind", "municipality", "--code", "147", "--name", "Frederiksberg");

        var human = await Succeeds("authorities", "list");
        var json = (await Cli.JsonAsync("authorities", "list")).Json;

        Assert.That(human.Stdout, Does.StartWith("KIND").And.Match(@"Municipality +147 +Frederiksberg"));
        var added = json.EnumerateArray().Single(a => a.GetProperty("authority").GetProperty("code").GetString() == "147");
        Assert.That(added.GetProperty("authority").GetProperty("kind").GetString(), Is.EqualTo("Municipality"));
        Assert.That(added.GetProperty("name").GetString(), Is.EqualTo("Frederiksberg"));
    }

    [Test]
    public async Task Add_Again_SucceedsAndKeepsTheStoredName()
    {
        await Succeeds("authorities", "add", "--kind", "Municipality", "--code", "157", "--name", "Gentofte");

        var again = (await Cli.JsonAsync("authorities", "add", "--kind", "Municipality", "--code", "157", "--name", "Gentofte Kommune")).Json;

        Assert.That(again.GetProperty("added").GetBoolean(), Is.False);
        Assert.That(again.GetProperty("name").GetString(), Is.EqualTo("Gentofte"));
    }

    [TestCase("Municipality", "1011", "A municipality code (kommunekode) is 3 digits")]
    [TestCase("EmploymentServiceUnit", "12", "An Employment Service unit code is 3 to 6 digits")]
    [TestCase("OtherActor", "12345678", "CVR number: 8 digits with a valid modulus-11 check")]
    public async Task Add_CodeThatBreaksTheKindsRule_RefusesWithTheRule(string kind, string code, string rule)
    {
        var result = await Cli.RunAsync("authorities", "add", "--kind", kind, "--code", code, "--name", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.StartWith($"Cannot add authority {kind}:{code}: ").And.Contain(rule));
    }

    [TestCase("Region")]
    [TestCase("1")]
    public async Task Add_UnknownKind_IsAUsageError(string kind)
    {
        var result = await Cli.RunAsync("authorities", "add", "--kind", kind, "--code", "101", "--name", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--kind takes one of Municipality, EmploymentServiceUnit, OtherActor"));
    }
}
