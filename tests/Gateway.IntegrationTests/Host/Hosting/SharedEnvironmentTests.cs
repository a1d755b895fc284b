using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Host.Hosting;

/// <summary>A gateway whose database also holds Active agreements of the other environment says so at start-up: the two would share their registrations.</summary>
[TestFixture]
public sealed class SharedEnvironmentTests
{
    [Test]
    public async Task Start_OnADatabaseWithAnActiveProductionAgreement_WarnsThatTheEnvironmentsShareData()
    {
        await using var first = await TestGateway.StartAsync();
        Assert.That(first.Log.Entries.Any(e => e.EventId.Id == 3), Is.False, "only Test agreements so far");
        await first.Agreements.RequestAgreementAsync(new AgreementRequest
        {
            Authority = new AuthorityId(AuthorityKind.Municipality, Callers.MunicipalityCode),
            ItSystemId = first.ItSystemId,
            Operations = new HashSet<string>(["Ping"]),
            Environment = GatewayEnvironment.Production,
            ValidFrom = new DateOnly(2020, 1, 1),
        }, "tests", "a production agreement in the test database", CancellationToken.None, activate: true);

        await using var second = await TestGateway.StartAsync(connectionString: first.ConnectionString);

        var warning = second.Log.Entries.Single(e => e.EventId.Id == 3);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(warning.Message, Does.Contain("Test gateway's database also holds 1 Active Production agreement(s)"));
        });
    }
}
