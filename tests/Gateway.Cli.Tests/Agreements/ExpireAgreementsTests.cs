using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Agreements;

[TestFixture]
public sealed class ExpireAgreementsTests : CliFixture
{
    [Test]
    public async Task Expire_ActiveAgreementPastItsEndDate_TurnsExpiredAndRecordsTheOperatorAndTheEndDate()
    {
        var due = await RequestAsync("--valid-from", "2020-01-01", "--valid-to", "2020-12-31");
        await Succeeds("agreements", "approve", due.ToString(), "--reason", "Approved late");
        var requestedPastEnd = await RequestAsync("--valid-from", "2020-01-01", "--valid-to", "2020-12-31");
        var openEnded = await RequestAsync();
        await Succeeds("agreements", "approve", openEnded.ToString(), "--reason", "ok");

        var json = (await Cli.JsonAsync("agreements", "expire")).Json;

        Assert.That(json.GetProperty("expired").EnumerateArray().Select(e => e.GetGuid()), Is.EqualTo(new[] { due }));
        Assert.That(await StatusOf(due), Is.EqualTo("Expired"));
        Assert.That(await StatusOf(requestedPastEnd), Is.EqualTo("Requested"));
        Assert.That(await StatusOf(openEnded), Is.EqualTo("Active"));
        var last = (await HistoryOf(due))[^1];
        Assert.That(last.GetProperty("from").GetString(), Is.EqualTo("Active"));
        Assert.That(last.GetProperty("to").GetString(), Is.EqualTo("Expired"));
        Assert.That(last.GetProperty("changedBy").GetString(), Is.EqualTo(GatewayctlRunner.Operator));
        Assert.That(last.GetProperty("reason").GetString(), Does.Contain("2020-12-31"));
    }

    [Test]
    public async Task Expire_NothingDue_SaysSoAndSucceeds()
    {
        await Succeeds("agreements", "expire");

        var result = await Succeeds("agreements", "expire");

        Assert.That(result.Stdout, Does.StartWith("No Active agreement ended before"));
    }
}
