using System.Text.Json;
using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Agreements;

/// <summary>
/// <c>gatewayctl agreements amend</c> on Test agreements, which the production gate never judges: each field, the
/// history's before and after, the statuses that allow an amendment and those that do not, and what is refused.
/// </summary>
[TestFixture]
public sealed class AmendAgreementTests : CliFixture
{
    // Requested with a value in every amendable field, so that each can be changed and emptied.
    private static readonly string[] Terms =
    [
        "--operations", "Ping,GetContactCourse", "--case-types", "Kontanthjaelp", "--valid-from", "2030-01-01", "--valid-to", "2030-12-31",
        "--contact", "it@kk.example", "--contract-ref", "TA-2030-1",
    ];

    [TestCase("--operations", "Ping,RegisterInterview", "operations", "[\"Ping\",\"RegisterInterview\"]", "Operations", "GetContactCourse,Ping", "Ping,RegisterInterview")]
    [TestCase("--case-types", "Starthjaelp,Kontanthjaelp", "caseTypes", "[\"Kontanthjaelp\",\"Starthjaelp\"]", "CaseTypes", "Kontanthjaelp", "Kontanthjaelp,Starthjaelp")]
    [TestCase("--read-scope", "allcitizens", "readScope", "\"AllCitizens\"", "ReadScope", "OwnCitizens", "AllCitizens")]
    [TestCase("--valid-from", "2029-06-01", "validFrom", "\"2029-06-01\"", "ValidFrom", "2030-01-01", "2029-06-01")]
    [TestCase("--valid-to", "2031-12-31", "validTo", "\"2031-12-31\"", "ValidTo", "2030-12-31", "2031-12-31")]
    [TestCase("--valid-to", "none", "validTo", "null", "ValidTo", "2030-12-31", null)]
    [TestCase("--contact", "support@kk.example", "contact", "\"support@kk.example\"", "Contact", "it@kk.example", "support@kk.example")]
    [TestCase("--contact", "None", "contact", "null", "Contact", "it@kk.example", null)]
    [TestCase("--contract-ref", "TA-2031-4", "contractReference", "\"TA-2031-4\"", "ContractReference", "TA-2030-1", "TA-2031-4")]
    [TestCase("--contract-ref", "none", "contractReference", "null", "ContractReference", "TA-2030-1", null)]
    public async Task Amend_OneField_IsStoredAndRecordedBeforeAndAfter(
        string option, string value, string property, string stored, string field, string before, string? after)
    {
        var id = await AgreementInStatusAsync("Active", Terms);

        await Succeeds("agreements", "amend", id.ToString(), option, value, "--reason", "Partner asked");

        var shown = (await Cli.JsonAsync("agreements", "show", id.ToString())).Json;
        var last = (await HistoryOf(id))[^1];
        Assert.Multiple(() =>
        {
            Assert.That(Compact(shown.GetProperty(property)), Is.EqualTo(stored));
            Assert.That(shown.GetProperty("status").GetString(), Is.EqualTo("Active"));
            Assert.That(last.GetProperty("from").GetString(), Is.EqualTo("Active"));
            Assert.That(last.GetProperty("to").GetString(), Is.EqualTo("Active"));
            Assert.That(last.GetProperty("changedBy").GetString(), Is.EqualTo(GatewayctlRunner.Operator));
            Assert.That(last.GetProperty("reason").GetString(), Is.EqualTo("Partner asked"));
            Assert.That(ChangesOf(last), Is.EqualTo(new[] { (field, before, after) }));
        });
    }

    [Test]
    public async Task Amend_HumanOutput_SaysEachChangeBeforeAndAfter()
    {
        var id = await AgreementInStatusAsync("Active", Terms);

        var result = await Succeeds("agreements", "amend", id.ToString(), "--operations", "Ping", "--read-scope", "AllCitizens", "--valid-to", "none",
            "--reason", "Receives movers");

        Assert.That(result.Stdout.Trim(), Is.EqualTo(
            $"Agreement {id} amended: operations GetContactCourse,Ping -> Ping; read scope OwnCitizens -> AllCitizens; valid to 2030-12-31 -> none. "
            + "The gateway applies it from its next call on."));
    }

    [Test]
    public async Task Amend_StoredContactWithTerminalControls_PrintsItEscapedOnOneLine()
    {
        // What was stored would clear the operator's screen and forge a second result line, were it printed as stored.
        var id = await AgreementInStatusAsync("Active", Terms);
        await StoreContactAsIsAsync(id, "evil\u001b[2J\nAgreement forged amended: nothing\u202e");

        var result = await Succeeds("agreements", "amend", id.ToString(), "--contact", "support@kk.example", "--reason", "New contact");

        Assert.Multiple(() =>
        {
            Assert.That(result.Stdout, Does.Not.Contain("\u001b").And.Not.Contain("\u202e"));
            Assert.That(result.Stdout.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one result, one line");
            Assert.That(result.Stdout.Trim(), Is.EqualTo(
                $@"Agreement {id} amended: contact evil\u001B[2J\nAgreement forged amended: nothing\u202E -> support@kk.example. The gateway applies it from its next call on."));
        });
    }

    [Test]
    public async Task Amend_Json_HasTheAgreementAfterAndTheChanges()
    {
        var id = await AgreementInStatusAsync("Active", Terms);

        var json = (await Cli.JsonAsync("agreements", "amend", id.ToString(), "--contact", "support@kk.example", "--reason", "New contact")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("agreement").GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(json.GetProperty("agreement").GetProperty("contact").GetString(), Is.EqualTo("support@kk.example"));
            Assert.That(ChangesOf(json), Is.EqualTo(new[] { ("Contact", "it@kk.example", "support@kk.example") }));
        });
    }

    [Test]
    public async Task History_AfterAnAmendment_ShowsItsChangesBesideTheStatusChanges()
    {
        var id = await AgreementInStatusAsync("Requested", Terms);
        await Succeeds("agreements", "amend", id.ToString(), "--operations", "Ping", "--contact", "none", "--reason", "Fewer operations");
        await Succeeds("agreements", "approve", id.ToString(), "--reason", "Trial");

        var table = await Succeeds("agreements", "history", id.ToString());
        var json = await HistoryOf(id);

        var lines = table.Stdout.TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(4), table.ToString);
            Assert.That(lines[0], Does.Match(@"^AT +FROM +TO +BY +CHANGES +REASON$"));
            Assert.That(lines[2], Does.Match(@" Requested +Requested +alice +operations GetContactCourse,Ping -> Ping; contact it@kk\.example -> none +Fewer operations$"));
            Assert.That(lines[3], Does.Match(@" Requested +Active +alice +- +Trial$"));
            Assert.That(json.Select(h => h.GetProperty("changes").GetArrayLength()), Is.EqualTo(new[] { 0, 2, 0 }));
            Assert.That(ChangesOf(json[1]), Is.EqualTo(new[] { ("Operations", "GetContactCourse,Ping", "Ping"), ("Contact", "it@kk.example", (string?)null) }));
        });
    }

    [TestCase("Requested")]
    [TestCase("Active")]
    [TestCase("Suspended")]
    public async Task Amend_LiveStatus_AmendsAndKeepsTheStatus(string status)
    {
        var id = await AgreementInStatusAsync(status, Terms);

        await Succeeds("agreements", "amend", id.ToString(), "--read-scope", "AllCitizens", "--reason", "Receives movers");

        var shown = (await Cli.JsonAsync("agreements", "show", id.ToString())).Json;
        Assert.That(shown.GetProperty("readScope").GetString(), Is.EqualTo("AllCitizens"));
        Assert.That(shown.GetProperty("status").GetString(), Is.EqualTo(status));
    }

    [TestCase("Rejected")]
    [TestCase("Terminated")]
    [TestCase("Expired")]
    public async Task Amend_EndedStatus_RefusedWithExitOneAndChangesNothing(string status)
    {
        var id = await AgreementInStatusAsync(status);
        var before = await ShownAsync(id);
        var history = (await HistoryOf(id)).Length;

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--read-scope", "AllCitizens", "--reason", "Trying");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith($"Cannot amend agreement {id}:")
                .And.Contain($"It is {status}, and only a Requested, Active or Suspended agreement can be amended; request a new agreement"));
            Assert.That(await ShownAsync(id), Is.EqualTo(before));
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(history));
        });
    }

    [Test]
    public async Task Amend_ActiveAgreementPastItsEndDateBeforeTheSweep_RefusedAsExpiredAndChangesNothing()
    {
        // Approved, ended in 2020, and no sweep has run: it is refused as expired on every call, and stays so.
        var id = await RequestAsync("--valid-from", "2020-01-01", "--valid-to", "2020-12-31");
        await Succeeds("agreements", "approve", id.ToString(), "--reason", "Setting up");
        var before = await ShownAsync(id);
        var history = (await HistoryOf(id)).Length;

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--valid-to", "none", "--reason", "Revive it");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith($"Cannot amend agreement {id}:").And.Contain("Its end date, 2020-12-31, has passed, so it is Expired"));
            Assert.That(await ShownAsync(id), Is.EqualTo(before));
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(history));
        });
    }

    [Test]
    public async Task Amend_EveryValueAsItIs_RefusedAsChangingNothing()
    {
        var id = await AgreementInStatusAsync("Active", Terms);

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--operations", "GetContactCourse,Ping", "--contact", "it@kk.example", "--reason", "x");

        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stderr, Does.Contain("It changes nothing: the agreement already has every value given."));
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public async Task Amend_NothingAsked_IsAUsageError()
    {
        var id = await AgreementInStatusAsync("Active");

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--reason", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.StartWith("Say what to amend: --operations"));
    }

    [Test]
    public async Task Amend_UnknownOperationAndStartAfterTheEnd_RefusedWithTheRequestsProblems()
    {
        var id = await AgreementInStatusAsync("Active", Terms);
        var before = await ShownAsync(id);

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--operations", "Ping,Delete", "--valid-from", "2031-01-01", "--reason", "x");

        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stderr, Does.StartWith($"Cannot amend agreement {id}:")
                .And.Contain("Unknown operation 'Delete'")
                .And.Contain("The end date is before the start date"));
            Assert.That(await ShownAsync(id), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Amend_UnknownId_RefusesWithExitOne()
    {
        var id = Guid.NewGuid();

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--contact", "x", "--reason", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain($"No agreement {id}"));
    }

    [TestCase("--valid-to", "31.12.2030", "--valid-to takes a date as YYYY-MM-DD")]
    [TestCase("--valid-from", "none", "--valid-from takes a date as YYYY-MM-DD")]
    [TestCase("--read-scope", "Everyone", "--read-scope takes one of OwnCitizens, AllCitizens")]
    [TestCase("--case-types", "Pension", "--case-types takes a comma-separated list")]
    [TestCase("--operations", ",", "--operations takes at least one value")]
    [TestCase("--reason", " ", "--reason must not be blank")]
    public async Task Amend_MalformedOption_IsAUsageErrorNamingTheOption(string option, string value, string message)
    {
        var id = await AgreementInStatusAsync("Active");
        string[] args = option == "--reason" ? ["--contact", "x", option, value] : [option, value, "--reason", "x"];

        var result = await Cli.RunAsync(["agreements", "amend", id.ToString(), .. args]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain(message));
    }

    [Test]
    public async Task Amend_ReasonOverTheMaximumOrWithAnOverride_IsAUsageErrorAndTheLongestOrAnEmojiIsStored()
    {
        var id = await AgreementInStatusAsync("Active");
        var history = (await HistoryOf(id)).Length;

        var tooLong = await Cli.RunAsync("agreements", "amend", id.ToString(), "--contact", "x", "--reason", new string('x', ValueParsers.MaximumReasonLength + 1));
        var overridden = await Cli.RunAsync("agreements", "amend", id.ToString(), "--contact", "x", "--reason", "Aftalt med \u202Eeniluk");
        var longest = await Cli.RunAsync("agreements", "amend", id.ToString(), "--contact", "x", "--reason", new string('æ', ValueParsers.MaximumReasonLength));
        var emoji = await Cli.RunAsync("agreements", "amend", id.ToString(), "--contact", "y", "--reason", "Aftalt på mødet \u2764\uFE0F \U0001F469\u200D\U0001F4BB");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(tooLong.ExitCode, Is.EqualTo(ExitCodes.Usage), tooLong.ToString);
            Assert.That(tooLong.Stderr, Does.Contain($"--reason takes at most {ValueParsers.MaximumReasonLength} characters; got {ValueParsers.MaximumReasonLength + 1}."));
            Assert.That(overridden.ExitCode, Is.EqualTo(ExitCodes.Usage), overridden.ToString);
            Assert.That(overridden.Stderr, Does.Contain("--reason must not contain invisible characters"));
            Assert.That(longest.ExitCode, Is.Zero, longest.ToString);
            Assert.That(emoji.ExitCode, Is.Zero, "an emoji's joiner and variation selector show as the emoji: " + emoji);
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(history + 2), "only the reasons within the rule are stored");
        });
    }

    [Test]
    public async Task Amend_TextRefusedByTheSharedRule_ChangesNothing()
    {
        var id = await AgreementInStatusAsync("Active", Terms);
        var before = await ShownAsync(id);
        var history = (await HistoryOf(id)).Length;

        var result = await Cli.RunAsync("agreements", "amend", id.ToString(), "--contact", "it@kk.example\u001b[2J", "--contract-ref", new string('x', 120 * 1024),
            "--reason", "x");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
            Assert.That(result.Stderr, Does.Contain("--contact must be one line of text without control characters")
                .And.Contain("--contract-ref takes at most 200 characters; got 122880."));
            Assert.That(await ShownAsync(id), Is.EqualTo(before));
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(history));
        });
    }

    [Test]
    public async Task Amend_ContractReferenceOfTheMaximumLength_IsStored()
    {
        var id = await AgreementInStatusAsync("Active", Terms);
        var reference = new string('R', 200);

        await Succeeds("agreements", "amend", id.ToString(), "--contract-ref", reference, "--reason", "Long reference");

        Assert.That((await Cli.JsonAsync("agreements", "show", id.ToString())).Json.GetProperty("contractReference").GetString(), Is.EqualTo(reference));
    }

    [Test]
    public async Task Amend_OverrideOfATestAgreement_IsSaidToBeNeedlessAndNotRecorded()
    {
        var id = await AgreementInStatusAsync("Active", Terms);

        var result = await Succeeds("agreements", "amend", id.ToString(), "--operations", "Ping,GetContactCourse,RegisterInterview", "--reason", "More",
            "--override-conformance", "Why not");

        Assert.That(result.Stderr, Does.Contain("--override-conformance was not needed").And.Not.Contain("Conformance gate overridden"));
        Assert.That((await HistoryOf(id))[^1].GetProperty("conformanceOverride").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    private async Task<string> ShownAsync(Guid id) => (await Cli.JsonAsync("agreements", "show", id.ToString())).Stdout;

    private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);

    private static (string?, string?, string?)[] ChangesOf(JsonElement entry) =>
        [.. entry.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))];
}
