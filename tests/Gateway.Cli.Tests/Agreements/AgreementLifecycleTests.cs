using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Agreements;

[TestFixture]
public sealed class AgreementLifecycleTests : CliFixture
{
    [Test]
    public async Task Transitions_RequestApproveSuspendResumeTerminate_EachChangesStatusAndRecordsWhoAndWhy()
    {
        var id = (await RequestAsync()).ToString();

        await Succeeds("agreements", "approve", id, "--reason", "Conformance scenarios passed");
        Assert.That(await StatusOf(Guid.Parse(id)), Is.EqualTo("Active"));
        var suspend = await Cli.As("bob").RunAsync("agreements", "suspend", id, "--reason", "Vendor reported a leak");
        Assert.That(suspend.ExitCode, Is.Zero, suspend.ToString);
        Assert.That(suspend.Stdout, Does.Contain("Active -> Suspended"));
        Assert.That(await StatusOf(Guid.Parse(id)), Is.EqualTo("Suspended"));
        await Succeeds("agreements", "resume", id, "--reason", "Leak fixed");
        Assert.That(await StatusOf(Guid.Parse(id)), Is.EqualTo("Active"));
        await Succeeds("agreements", "terminate", id, "--reason", "Contract ended");
        Assert.That(await StatusOf(Guid.Parse(id)), Is.EqualTo("Terminated"));

        var history = await HistoryOf(Guid.Parse(id));
        var rows = history.Select(h => (
            From: h.GetProperty("from").GetString(), To: h.GetProperty("to").GetString(),
            By: h.GetProperty("changedBy").GetString(), Reason: h.GetProperty("reason").GetString())).ToArray();
        Assert.That(rows, Is.EqualTo(new (string?, string?, string?, string?)[]
        {
            (null, "Requested", GatewayctlRunner.Operator, "Contract 2025-17 signed"),
            ("Requested", "Active", GatewayctlRunner.Operator, "Conformance scenarios passed"),
            ("Active", "Suspended", "bob", "Vendor reported a leak"),
            ("Suspended", "Active", GatewayctlRunner.Operator, "Leak fixed"),
            ("Active", "Terminated", GatewayctlRunner.Operator, "Contract ended"),
        }));
    }

    [Test]
    public async Task History_HumanOutput_ShowsOneRowPerChangeWithOperatorAndReason()
    {
        var id = (await RequestAsync()).ToString();
        await Succeeds("agreements", "reject", id, "--reason", "Wrong authority");

        var history = await Succeeds("agreements", "history", id);

        var lines = history.Stdout.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(3), history.ToString);
        Assert.That(lines[0], Does.StartWith("AT").And.Contain("FROM").And.Contain("BY").And.Contain("REASON"));
        Assert.That(lines[2], Does.Contain("Requested").And.Contain("Rejected").And.Contain(GatewayctlRunner.Operator).And.EndWith("Wrong authority"));
    }

    // Every operator action the lifecycle (domain.md § 7) does not allow from each status.
    [TestCase("Requested", "suspend", "from Requested only approve or reject is allowed")]
    [TestCase("Requested", "resume", "from Requested only approve or reject is allowed")]
    [TestCase("Requested", "terminate", "from Requested only approve or reject is allowed")]
    [TestCase("Active", "approve", "from Active only suspend or terminate is allowed")]
    [TestCase("Active", "reject", "from Active only suspend or terminate is allowed")]
    [TestCase("Active", "resume", "from Active only suspend or terminate is allowed")]
    [TestCase("Suspended", "approve", "from Suspended only resume or terminate is allowed")]
    [TestCase("Suspended", "reject", "from Suspended only resume or terminate is allowed")]
    [TestCase("Suspended", "suspend", "from Suspended only resume or terminate is allowed")]
    [TestCase("Rejected", "approve", "from Rejected nothing is allowed")]
    [TestCase("Rejected", "reject", "from Rejected nothing is allowed")]
    [TestCase("Rejected", "suspend", "from Rejected nothing is allowed")]
    [TestCase("Rejected", "resume", "from Rejected nothing is allowed")]
    [TestCase("Rejected", "terminate", "from Rejected nothing is allowed")]
    [TestCase("Terminated", "approve", "from Terminated nothing is allowed")]
    [TestCase("Terminated", "reject", "from Terminated nothing is allowed")]
    [TestCase("Terminated", "suspend", "from Terminated nothing is allowed")]
    [TestCase("Terminated", "resume", "from Terminated nothing is allowed")]
    [TestCase("Terminated", "terminate", "from Terminated nothing is allowed")]
    [TestCase("Expired", "approve", "from Expired nothing is allowed")]
    [TestCase("Expired", "reject", "from Expired nothing is allowed")]
    [TestCase("Expired", "suspend", "from Expired nothing is allowed")]
    [TestCase("Expired", "resume", "from Expired nothing is allowed")]
    [TestCase("Expired", "terminate", "from Expired nothing is allowed")]
    public async Task Transition_NotAllowedFromStatus_RefusesWithExitOneAndLeavesStatusAndHistory(string status, string action, string allowed)
    {
        var id = await AgreementInStatusAsync(status);
        var historyBefore = (await HistoryOf(id)).Length;

        var result = await Cli.RunAsync("agreements", action, id.ToString(), "--reason", "Trying");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
            Assert.That(result.Stdout, Is.Empty);
            Assert.That(result.Stderr, Does.StartWith($"Cannot {action} agreement {id}: it is {status}; {allowed}"));
            Assert.That(await StatusOf(id), Is.EqualTo(status));
            Assert.That(await HistoryOf(id), Has.Length.EqualTo(historyBefore));
        });
    }

    [Test]
    public async Task Transition_FromFinalStatus_NamesTheFix()
    {
        var id = await AgreementInStatusAsync("Terminated");

        var result = await Cli.RunAsync("agreements", "resume", id.ToString(), "--reason", "Customer came back");

        Assert.That(result.Stderr.Trim(), Is.EqualTo(
            $"Cannot resume agreement {id}: it is Terminated; from Terminated nothing is allowed; request a new agreement with `gatewayctl agreements request`."));
    }

    [TestCase("approve")]
    [TestCase("show")]
    [TestCase("history")]
    [TestCase("usage")]
    public async Task AgreementCommand_UnknownId_RefusesWithExitOne(string command)
    {
        var id = Guid.NewGuid();
        string[] args = command == "approve" ? ["agreements", command, id.ToString(), "--reason", "x"] : ["agreements", command, id.ToString()];

        var result = await Cli.RunAsync(args);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain($"No agreement {id}").And.Contain("gatewayctl agreements list"));
    }

    [Test]
    public async Task Transition_WithoutReason_IsAUsageError()
    {
        var id = await RequestAsync();

        var result = await Cli.RunAsync("agreements", "approve", id.ToString());

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--reason"));
        Assert.That(await StatusOf(id), Is.EqualTo("Requested"));
    }

    [Test]
    public async Task Transition_BlankReason_IsAUsageError()
    {
        var id = await RequestAsync();

        var result = await Cli.RunAsync("agreements", "approve", id.ToString(), "--reason", "  ");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--reason must not be blank"));
    }

    [Test]
    public async Task Transition_Json_HasTheAgreementAfterAndTheStatusBefore()
    {
        var id = await RequestAsync();

        var json = (await Cli.JsonAsync("agreements", "approve", id.ToString(), "--reason", "ok")).Json;

        Assert.That(json.GetProperty("from").GetString(), Is.EqualTo("Requested"));
        Assert.That(json.GetProperty("agreement").GetProperty("status").GetString(), Is.EqualTo("Active"));
        Assert.That(json.GetProperty("agreement").GetProperty("id").GetGuid(), Is.EqualTo(id));
    }

    [Test]
    public async Task List_ByStatus_ShowsOnlyThatStatus()
    {
        var suspended = await AgreementInStatusAsync("Suspended");
        var requested = await RequestAsync();

        var json = (await Cli.JsonAsync("agreements", "list", "--status", "suspended")).Json;
        var human = await Succeeds("agreements", "list");

        var ids = json.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.That(ids, Does.Contain(suspended).And.Not.Contain(requested));
        Assert.That(json.EnumerateArray().Select(a => a.GetProperty("status").GetString()), Is.All.EqualTo("Suspended"));
        Assert.That(human.Stdout, Does.StartWith("ID").And.Contain(requested.ToString()).And.Contain(suspended.ToString()));
    }
}
