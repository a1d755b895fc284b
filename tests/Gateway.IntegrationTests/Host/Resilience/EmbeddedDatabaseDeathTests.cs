using Gateway.Host.Hosting;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Resilience;

/// <summary>
/// The gateway's own embedded PostgreSQL is killed (SIGKILL to its postmaster) under the running gateway, as the README's
/// run command starts it: the gateway notices within a second, starts it again on the same address, says so in its log,
/// and serves again with everything committed before still there.
/// </summary>
[TestFixture]
public sealed class EmbeddedDatabaseDeathTests
{
    private string _folder = null!;
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGatewayWithItsEmbeddedDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "gateway-embedded-death-" + Guid.NewGuid().ToString("N")[..12]);
        _gateway = await TestGateway.StartAsync(embeddedFolder: _folder);
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        await _gateway.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task EmbeddedServer_KilledUnderTheGateway_IsStartedAgainAndTheGatewayServesWithItsData()
    {
        // The sandbox holds the municipality's fixed agreement for its own IT system; the other actor's is the test system's.
        var client = _gateway.Client(As.OtherActor);
        var cpr = TestCitizens.Next();
        var first = await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
        var database = _gateway.Services.GetRequiredService<GatewayDatabase>();
        var embedded = database.Embedded!;

        await PostgresFaults.KillAsync(embedded);
        await Eventually.HoldsAsync(() => _gateway.Log.Entries.Any(e => e.EventId.Id == 104), "the embedded PostgreSQL was not started again",
            TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await client.RegisterInterview(SampleRegistrations.Minimal(cpr));
                return true;
            }
            catch (System.ServiceModel.FaultException)
            {
                return false;
            }
        }, "the gateway did not serve again");
        var course = await client.GetContactCourse(cpr);

        Assert.Multiple(() =>
        {
            Assert.That(database.EmbeddedRunning, Is.True);
            Assert.That(_gateway.Log.Entries.Count(e => e.EventId.Id == 103), Is.EqualTo(1));
            Assert.That(course.Registrations.Select(r => r.RegistrationId), Does.Contain(first.RegistrationId));
            Assert.That(course.Registrations, Has.Count.EqualTo(2));
        });
    }
}
