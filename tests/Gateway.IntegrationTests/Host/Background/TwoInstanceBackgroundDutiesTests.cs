using Dapper;
using Gateway.Data.AccessLog;
using Gateway.Host.Sandbox;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests.Host.Background;

/// <summary>
/// The background duties with two instances on one database (operators.md, "Several instances"): both serve writes
/// and reads, and, with nobody running anything by hand, the access log of both ends up sealed into one chain that
/// verifies, every registration gets its supervision fact, and the usage both counted adds up to the calls made.
/// </summary>
[TestFixture]
public sealed class TwoInstanceBackgroundDutiesTests : TwoInstanceFixture
{
    private const int WritesEach = 10;
    private const int ReadsEach = 5;

    // The duties run every second (sealer, facts) and every 5 seconds (usage); this is their bound with room to spare.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    [Test]
    public async Task WritesAndReadsThroughBothInstances_LeftToTheDuties_AreSealedOnceCountedOnceAndInOneChain()
    {
        var clients = await Instances.WarmClientsAsync();
        var cprs = new List<string>();
        foreach (var client in clients)
        {
            for (var i = 0; i < WritesEach; i++)
            {
                var cpr = TestCitizens.Next();
                cprs.Add(cpr);
                await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
            }

            for (var i = 0; i < ReadsEach; i++)
            {
                await client.GetContactCourse(cprs[^(i + 1)]);
            }
        }

        var store = Instances.First.Store;
        await Eventually.HoldsAsync(async () => (await new AccessLogVerifier(store).VerifyAsync(null, CancellationToken.None)).NotYetSealed == 0,
            "the access log was not sealed by the instances' sealers", Bound);
        await Eventually.HoldsAsync(async () => await UsageAsync("RegisterInterview") == 2 * WritesEach && await UsageAsync("GetContactCourse") == 2 * ReadsEach,
            "the instances' usage counts did not add up to the calls", Bound);
        await Eventually.HoldsAsync(async () => await ScalarAsync("select count(*) from supervision_pending") == 0,
            "the supervision facts were not kept up", Bound);
        var verification = await new AccessLogVerifier(store).VerifyAsync(null, CancellationToken.None);
        var facts = await ScalarAsync("select count(*) from supervision_fact where cpr = any(@cprs)", cprs.ToArray());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verification.Intact, Is.True, $"one chain over both instances' entries: {verification.FirstBreak}");
            Assert.That(verification.EntriesVerified, Is.GreaterThanOrEqualTo(2 * (WritesEach + ReadsEach)));
            Assert.That(facts, Is.EqualTo(2L * WritesEach), "a fact for every registration, whichever instance took it");
            Assert.That(await UsageAsync("Ping"), Is.EqualTo(2), "each instance's warm-up ping, counted once");
        }
    }

    private async Task<long> UsageAsync(string operation) =>
        await ScalarAsync("select coalesce(sum(calls), 0) from agreement_usage where agreement_id = @agreement and operation = @operation",
            operation: operation);

    private async Task<long> ScalarAsync(string sql, string[]? cprs = null, string? operation = null)
    {
        await using var connection = await Instances.First.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, new { cprs, agreement = SandboxIdentity.AgreementId, operation });
    }
}
