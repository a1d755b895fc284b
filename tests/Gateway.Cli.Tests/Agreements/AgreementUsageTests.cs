using Gateway.Cli.Tests.Support;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Tests.Agreements;

[TestFixture]
public sealed class AgreementUsageTests : CliFixture
{
    [Test]
    public async Task Usage_CountsStoredByTheGateway_AreShownNewestDayFirst()
    {
        var id = await RequestAsync();
        await Succeeds("agreements", "approve", id.ToString(), "--reason", "ok");
        await using (var dataSource = GatewayDataSource.Create(ConnectionString))
        {
            await new UsageStore(dataSource).AddAsync(
            [
                new UsageCount(id, "RegisterInterview", new DateOnly(2025, 3, 3), "Success", 40),
                new UsageCount(id, "RegisterInterview", new DateOnly(2025, 3, 3), "Client.Validation.SchemaViolation", 2),
                new UsageCount(id, "Ping", new DateOnly(2025, 3, 4), "Success", 7),
            ], CancellationToken.None);
        }

        var human = await Succeeds("agreements", "usage", id.ToString());
        var json = (await Cli.JsonAsync("agreements", "usage", id.ToString())).Json;

        var lines = human.Stdout.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4), human.ToString);
        Assert.That(lines[0], Does.Match("^DAY +OPERATION +OUTCOME +CALLS$"));
        Assert.That(lines[1], Does.Match("^2025-03-04 +Ping +Success +7$"));
        Assert.That(lines[2], Does.Match("^2025-03-03 +RegisterInterview +Client.Validation.SchemaViolation +2$"));
        Assert.That(lines[3], Does.Match("^2025-03-03 +RegisterInterview +Success +40$"));
        var first = json[0];
        Assert.That(json.GetArrayLength(), Is.EqualTo(3));
        Assert.That(first.GetProperty("agreementId").GetGuid(), Is.EqualTo(id));
        Assert.That(first.GetProperty("operation").GetString(), Is.EqualTo("Ping"));
        Assert.That(first.GetProperty("day").GetString(), Is.EqualTo("2025-03-04"));
        Assert.That(first.GetProperty("outcome").GetString(), Is.EqualTo("Success"));
        Assert.That(first.GetProperty("calls").GetInt64(), Is.EqualTo(7));
    }

    [Test]
    public async Task Usage_NoCalls_SaysSo()
    {
        var id = await RequestAsync();

        var result = await Succeeds("agreements", "usage", id.ToString());

        Assert.That(result.Stdout.Trim(), Is.EqualTo("No calls recorded under this agreement."));
    }
}
