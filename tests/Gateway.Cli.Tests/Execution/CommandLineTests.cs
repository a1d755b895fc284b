using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Execution;

[TestFixture]
public sealed class CommandLineTests
{
    [TestCase(new[] { "agreements" }, "Required command was not provided", "gatewayctl agreements --help")]
    [TestCase(new[] { "frobnicate" }, "frobnicate", "gatewayctl --help")]
    [TestCase(new[] { "systems", "add", "--name", "x" }, "--vendor-cvr", "gatewayctl systems add --help")]
    [TestCase(new[] { "agreements", "show", "not-an-id" }, "takes an id", "gatewayctl agreements show --help")]
    public async Task Parse_Error_IsExitTwoWithTheProblemAndWhereHelpIs(string[] args, string problem, string help)
    {
        var result = await GatewayctlRunner.RunRawAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain(problem).And.Contain(help));
    }

    [Test]
    public async Task Help_TopLevel_ListsTheGroups()
    {
        var result = await GatewayctlRunner.RunRawAsync(["--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Stdout, Does.Contain("migrate").And.Contain("authorities").And.Contain("systems").And.Contain("certificates")
            .And.Contain("agreements").And.Contain("ca "));
    }
}
