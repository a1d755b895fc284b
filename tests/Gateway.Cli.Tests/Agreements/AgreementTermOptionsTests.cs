using System.Text.RegularExpressions;
using Gateway.Cli.Agreements;
using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Agreements;

/// <summary>
/// The contact and contract reference options that <c>agreements request</c> and <c>agreements amend</c> share: a value
/// is read as a reason is, within <see cref="AgreementTermOptions.MaximumTextLength"/>. A refused value is a usage error,
/// found before any database is opened, so these run without one.
/// </summary>
[TestFixture]
public sealed class AgreementTermOptionsTests
{
    // The values are named, and made in the test, so that no test name carries the control characters they hold.
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["Tab"] = "it@kk.example\tphone 33 66 33 66",
        ["LineBreak"] = "it@kk.example\nAgreement forged: Active",
        ["CarriageReturn"] = "it@kk.example\rforged",
        ["TerminalEscape"] = "it@kk.example\u001b[2J",
        ["Nul"] = "TA-2030\u00001",
        ["NextLine"] = "TA-2030\u00851",
        ["RightToLeftOverride"] = "it@kk.example\u202Eexe.txt",
        ["ZeroWidthSpace"] = "TA\u200B2030",
        ["SoftHyphen"] = "Kontakt\u00ADperson",
        ["JoinerAfterALetter"] = "a\u200Db",
        ["Blank"] = "   ",
        ["Empty"] = "",
        ["OneOverTheMaximum"] = new string('x', AgreementTermOptions.MaximumTextLength + 1),
        ["HundredTwentyKilobytes"] = new string('x', 120 * 1024),
    };

    [TestCase("request", "--contact", "Tab", "--contact must be one line of text without control characters")]
    [TestCase("request", "--contact", "LineBreak", "--contact must be one line of text without control characters")]
    [TestCase("request", "--contact", "CarriageReturn", "--contact must be one line of text without control characters")]
    [TestCase("request", "--contact", "TerminalEscape", "--contact must be one line of text without control characters")]
    [TestCase("request", "--contract-ref", "Nul", "--contract-ref must be one line of text without control characters")]
    [TestCase("request", "--contract-ref", "NextLine", "--contract-ref must be one line of text without control characters")]
    [TestCase("request", "--contact", "RightToLeftOverride", "--contact must not contain invisible characters (bidirectional overrides, zero-width characters, soft hyphens and the like): U+202E at character 14.")]
    [TestCase("amend", "--contract-ref", "ZeroWidthSpace", "--contract-ref must not contain invisible characters (bidirectional overrides, zero-width characters, soft hyphens and the like): U+200B at character 3.")]
    [TestCase("request", "--contact", "SoftHyphen", "--contact must not contain invisible characters (bidirectional overrides, zero-width characters, soft hyphens and the like): U+00AD at character 8.")]
    [TestCase("request", "--contact", "JoinerAfterALetter", "--contact must not contain invisible characters (bidirectional overrides, zero-width characters, soft hyphens and the like): U+200D at character 2.")]
    [TestCase("request", "--contact", "Blank", "--contact must not be blank")]
    [TestCase("request", "--contract-ref", "Empty", "--contract-ref must not be blank")]
    [TestCase("request", "--contact", "OneOverTheMaximum", "--contact takes at most 200 characters; got 201.")]
    [TestCase("request", "--contract-ref", "HundredTwentyKilobytes", "--contract-ref takes at most 200 characters; got 122880.")]
    [TestCase("amend", "--contact", "LineBreak", "--contact must be one line of text without control characters")]
    [TestCase("amend", "--contact", "TerminalEscape", "--contact must be one line of text without control characters")]
    [TestCase("amend", "--contract-ref", "Tab", "--contract-ref must be one line of text without control characters")]
    [TestCase("amend", "--contact", "Blank", "--contact must not be blank")]
    [TestCase("amend", "--contact", "HundredTwentyKilobytes", "--contact takes at most 200 characters; got 122880.")]
    [TestCase("amend", "--contract-ref", "OneOverTheMaximum", "--contract-ref takes at most 200 characters; got 201.")]
    public async Task TextOption_ValueARequestReasonWouldNotPass_IsAUsageErrorNamingTheOptionAndTheRule(string command, string option, string value, string message)
    {
        string[] rest = command == "request"
            ? ["--authority", "Municipality:101", "--system", Guid.NewGuid().ToString(), "--environment", "Test", option, Values[value], "--reason", "x"]
            : [Guid.NewGuid().ToString(), option, Values[value], "--reason", "x"];

        var result = await new GatewayctlRunner(connectionString: null).RunAsync(["agreements", command, .. rest]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.Contain(message).And.Contain($"gatewayctl agreements {command} --help"));
            Assert.That(result.Stderr, Has.Length.LessThan(2000), "the refused value is not printed back");
        });
    }

    [TestCase("request")]
    [TestCase("amend")]
    public async Task Help_ContactAndContractReference_SayTheRuleAndTheWordForNone(string command)
    {
        var result = await new GatewayctlRunner(connectionString: null).RunAsync("agreements", command, "--help");

        // The help wraps its descriptions at the terminal's width.
        var help = Regex.Replace(result.Stdout, @"\s+", " ");

        Assert.That(help, Does.Contain("--contact <TEXT|none>").And.Contain("--contract-ref <TEXT|none>")
            .And.Contain("one line, at most 200 characters; none for no value"));
    }
}
