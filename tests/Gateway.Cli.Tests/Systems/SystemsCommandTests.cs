using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Systems;

[TestFixture]
public sealed class SystemsCommandTests : CliFixture
{
    [Test]
    public async Task Add_PrintsTheIdAlone_AndListShowsIt()
    {
        var added = await Succeeds("systems", "add", "--name", "Momentum", "--vendor-cvr", "12345674");
        var id = Guid.Parse(added.Stdout.Trim());

        var human = await Succeeds("systems", "list");
        var json = (await Cli.JsonAsync("systems", "list")).Json;

        Assert.That(human.Stdout, Does.StartWith("ID").And.Match($@"{id} +Momentum +12345674"));
        var listed = json.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
        Assert.That(listed.GetProperty("name").GetString(), Is.EqualTo("Momentum"));
        Assert.That(listed.GetProperty("vendorCvr").GetString(), Is.EqualTo("12345674"));
    }

    [Test]
    public async Task Add_SameNameAgain_ReturnsTheSameId()
    {
        var first = (await Cli.JsonAsync("systems", "add", "--name", "Fasit", "--vendor-cvr", "12345674")).Json.GetProperty("id").GetGuid();

        var second = (await Cli.JsonAsync("systems", "add", "--name", "Fasit", "--vendor-cvr", "12345674")).Json.GetProperty("id").GetGuid();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Add_InvalidVendorCvr_Refuses()
    {
        var result = await Cli.RunAsync("systems", "add", "--name", "Broken", "--vendor-cvr", "12345678");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("vendor CVR number '12345678' is not valid"));
    }
}
