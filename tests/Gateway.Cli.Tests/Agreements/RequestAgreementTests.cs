using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;
using Gateway.Contracts;

namespace Gateway.Cli.Tests.Agreements;

[TestFixture]
public sealed class RequestAgreementTests : CliFixture
{
    private static readonly TimeZoneInfo Denmark = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    [Test]
    public async Task Request_OnlyRequiredOptions_GetsTheDefaults()
    {
        var danishToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Denmark).DateTime);

        var json = (await Cli.JsonAsync("agreements", "request", "--authority", Municipality, "--system", SystemId.ToString(),
            "--environment", "Test", "--reason", "Trial connection")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("Requested"));
            Assert.That(json.GetProperty("authority").GetProperty("kind").GetString(), Is.EqualTo("Municipality"));
            Assert.That(json.GetProperty("authority").GetProperty("code").GetString(), Is.EqualTo("101"));
            Assert.That(json.GetProperty("principals").GetArrayLength(), Is.Zero);
            Assert.That(json.GetProperty("itSystemId").GetGuid(), Is.EqualTo(SystemId));
            Assert.That(json.GetProperty("operations").EnumerateArray().Select(o => o.GetString()), Is.EquivalentTo(ContactCourseActions.ByOperation.Keys));
            Assert.That(json.GetProperty("caseTypes").EnumerateArray().Select(c => c.GetString()), Is.EquivalentTo(new[] { "Kontanthjaelp", "Starthjaelp" }));
            Assert.That(json.GetProperty("readScope").GetString(), Is.EqualTo("OwnCitizens"));
            Assert.That(json.GetProperty("supervisionScope").GetString(), Is.EqualTo("OwnAuthority"));
            Assert.That(json.GetProperty("overdueCpr").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("environment").GetString(), Is.EqualTo("Test"));
            Assert.That(json.GetProperty("validFrom").GetString(), Is.EqualTo(danishToday.ToString("yyyy-MM-dd")));
            Assert.That(json.GetProperty("validTo").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Request_EveryOption_IsStoredAsGiven()
    {
        var json = (await Cli.JsonAsync("agreements", "request", "--authority", Unit, "--system", SystemId.ToString(),
            "--operations", "Ping,GetContactCourse", "--case-types", "Dagpenge", "--read-scope", "AllCitizens", "--environment", "Production",
            "--valid-from", "2030-01-01", "--valid-to", "2030-12-31", "--contact", "it@af.example", "--contract-ref", "AF-2030-1",
            "--reason", "Annual renewal")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("operations").EnumerateArray().Select(o => o.GetString()), Is.EquivalentTo(new[] { "Ping", "GetContactCourse" }));
            Assert.That(json.GetProperty("caseTypes").EnumerateArray().Select(c => c.GetString()), Is.EquivalentTo(new[] { "Dagpenge" }));
            Assert.That(json.GetProperty("readScope").GetString(), Is.EqualTo("AllCitizens"));
            Assert.That(json.GetProperty("validFrom").GetString(), Is.EqualTo("2030-01-01"));
            Assert.That(json.GetProperty("validTo").GetString(), Is.EqualTo("2030-12-31"));
            Assert.That(json.GetProperty("contact").GetString(), Is.EqualTo("it@af.example"));
            Assert.That(json.GetProperty("contractReference").GetString(), Is.EqualTo("AF-2030-1"));
        });
    }

    [TestCase("--contact", "none", "contact")]
    [TestCase("--contact", "NONE", "contact")]
    [TestCase("--contract-ref", "none", "contractReference")]
    [TestCase("--contract-ref", "None", "contractReference")]
    public async Task Request_TextOptionGivenNone_StoresNoValueAsAmendDoes(string option, string value, string property)
    {
        var json = (await Cli.JsonAsync("agreements", "request", "--authority", Municipality, "--system", SystemId.ToString(),
            "--environment", "Test", option, value, "--reason", "Trial connection")).Json;

        Assert.That(json.GetProperty(property).ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), json.ToString);
    }

    [Test]
    public async Task Request_ContactOfTheMaximumLengthInCharacters_IsStoredTrimmed()
    {
        // 200 characters, as XSD counts them: each emoji is one character though two UTF-16 code units.
        var contact = new string('ø', 150) + string.Concat(Enumerable.Repeat("\U0001F4DE", 50));

        var json = (await Cli.JsonAsync("agreements", "request", "--authority", Municipality, "--system", SystemId.ToString(),
            "--environment", "Test", "--contact", $"  {contact} ", "--contract-ref", new string('R', 200), "--reason", "Trial connection")).Json;

        Assert.That(json.GetProperty("contact").GetString(), Is.EqualTo(contact));
        Assert.That(json.GetProperty("contractReference").GetString(), Is.EqualTo(new string('R', 200)));
    }

    [Test]
    public async Task Request_SupervisorsAgreement_StoresTheScopeAndShowsIt()
    {
        var json = (await Cli.JsonAsync("agreements", "request", "--authority", Unit, "--system", SystemId.ToString(),
            "--operations", "Ping,GetSupervisionReport,ListOverdueCitizens", "--supervision-scope", "AllAuthorities", "--overdue-cpr",
            "--environment", "Production", "--reason", "Visitationstilsyn")).Json;
        var shown = await Cli.RunAsync("agreements", "show", json.GetProperty("id").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("supervisionScope").GetString(), Is.EqualTo("AllAuthorities"));
            Assert.That(json.GetProperty("overdueCpr").GetBoolean(), Is.True);
            Assert.That(shown.Stdout, Does.Match(@"Supervision +AllAuthorities, overdue lists with CPR numbers"));
        });
    }

    [Test]
    public async Task Request_OtherActorWithPrincipals_TakesCaseTypesFromThePrincipals()
    {
        var json = (await Cli.JsonAsync("agreements", "request", "--authority", OtherActor, "--principal", Municipality, "--principal", Unit,
            "--system", SystemId.ToString(), "--environment", "Production", "--reason", "Contractor for both")).Json;

        Assert.That(json.GetProperty("principals").EnumerateArray().Select(p => p.GetProperty("kind").GetString() + ":" + p.GetProperty("code").GetString()),
            Is.EquivalentTo(new[] { Municipality, Unit }));
        Assert.That(json.GetProperty("caseTypes").EnumerateArray().Select(c => c.GetString()),
            Is.EquivalentTo(new[] { "Dagpenge", "Kontanthjaelp", "Starthjaelp" }));
    }

    [Test]
    public async Task Request_OtherActorWithoutPrincipal_RefusesWithTheProblem()
    {
        var before = (await Cli.JsonAsync("agreements", "list")).Json.GetArrayLength();

        var result = await Cli.RunAsync("agreements", "request", "--authority", OtherActor, "--system", SystemId.ToString(),
            "--environment", "Production", "--reason", "Contractor");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.StartWith("Cannot request the agreement:")
            .And.Contain("An other actor's agreement names at least one principal"));
        Assert.That((await Cli.JsonAsync("agreements", "list")).Json.GetArrayLength(), Is.EqualTo(before));
    }

    [Test]
    public async Task Request_SeveralProblems_ListsThemAll()
    {
        var result = await Cli.RunAsync("agreements", "request", "--authority", "Municipality:1", "--principal", Unit, "--operations", "Ping,Delete",
            "--system", SystemId.ToString(), "--environment", "Test", "--valid-from", "2030-02-01", "--valid-to", "2030-01-01", "--reason", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("A municipality code (kommunekode) is 3 digits")
            .And.Contain("Only an other actor's agreement names principals")
            .And.Contain("Unknown operation 'Delete'")
            .And.Contain("The end date is before the start date"));
    }

    [Test]
    public async Task Request_UnregisteredAuthorityOrSystem_RefusesAndNamesTheCommandThatRegistersThem()
    {
        var unknownSystem = Guid.NewGuid();

        var result = await Cli.RunAsync("agreements", "request", "--authority", "Municipality:851", "--system", unknownSystem.ToString(),
            "--environment", "Test", "--reason", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("Authority Municipality:851 is not registered; add it with `gatewayctl authorities add --kind Municipality --code 851")
            .And.Contain($"No IT system {unknownSystem}"));
    }

    [TestCase("--authority", "Town:101", "--authority takes Kind:Code")]
    [TestCase("--authority", "Municipality", "--authority takes Kind:Code")]
    [TestCase("--environment", "Staging", "--environment takes one of Test, Production")]
    [TestCase("--valid-from", "1.2.2030", "--valid-from takes a date as YYYY-MM-DD")]
    [TestCase("--read-scope", "Everyone", "--read-scope takes one of OwnCitizens, AllCitizens")]
    [TestCase("--supervision-scope", "Everyone", "--supervision-scope takes one of OwnAuthority, AllAuthorities")]
    [TestCase("--case-types", "Dagpenge,Pension", "--case-types takes a comma-separated list")]
    [TestCase("--system", "42", "--system takes an id")]
    [TestCase("--operations", ",", "--operations takes at least one value")]
    public async Task Request_MalformedOption_IsAUsageErrorNamingTheOption(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--authority"] = Municipality,
            ["--system"] = SystemId.ToString(),
            ["--environment"] = "Test",
            ["--reason"] = "x",
        };
        args[option] = value;

        var result = await Cli.RunAsync(["agreements", "request", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain(message).And.Contain("gatewayctl agreements request --help"));
    }

    [Test]
    public async Task Request_HumanOutput_ShowsTheAgreementAndHowToApproveIt()
    {
        var result = await Succeeds("agreements", "request", "--authority", Municipality, "--system", SystemId.ToString(),
            "--environment", "Production", "--reason", "x");

        Assert.That(result.Stdout, Does.StartWith("Id ").And.Contain("Status       Requested").And.Contain("Authority    Municipality:101"));
        Assert.That(result.Stderr, Does.Contain("gatewayctl agreements approve"));
    }
}
