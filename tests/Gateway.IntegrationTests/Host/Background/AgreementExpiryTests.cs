using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests.Host.Background;

/// <summary>An Active agreement whose end date has passed turns Expired without anyone acting: each instance sweeps at start and then periodically.</summary>
[TestFixture]
public sealed class AgreementExpiryTests
{
    [Test]
    public async Task Agreement_PastItsEndDate_BecomesExpiredByTheGatewayWithHistory()
    {
        await using var first = await TestGateway.StartAsync();
        var authority = new AuthorityId(AuthorityKind.Municipality, "997");
        await first.Authorities.AddAuthorityAsync(authority, "Udløbet Testkommune", "tests", CancellationToken.None);
        var agreement = await first.Agreements.RequestAgreementAsync(new AgreementRequest
        {
            Authority = authority,
            ItSystemId = first.ItSystemId,
            Environment = GatewayEnvironment.Test,
            ValidFrom = new DateOnly(2020, 1, 1),
            ValidTo = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)),
        }, "tests", "test", CancellationToken.None, activate: true);

        // A second instance starting on the same database sweeps at once.
        await using var second = await TestGateway.StartAsync(connectionString: first.ConnectionString);
        await Eventually.HoldsAsync(async () => (await first.Agreements.GetAgreementAsync(agreement.Id, CancellationToken.None))!.Status == AgreementStatus.Expired,
            "the agreement was never expired");

        // The sweep logs each agreement once the change is committed, so the status can be seen a moment earlier.
        await Eventually.HoldsAsync(() => second.Log.Entries.Any(e => e.EventId.Id == 401), "the expiry was never logged");

        var last = (await first.Agreements.HistoryAsync(agreement.Id, CancellationToken.None))[^1];
        Assert.Multiple(() =>
        {
            Assert.That(last.From, Is.EqualTo(AgreementStatus.Active));
            Assert.That(last.To, Is.EqualTo(AgreementStatus.Expired));
            Assert.That(last.ChangedBy, Is.EqualTo("gateway"));
        });
    }
}
