using System.Diagnostics;
using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Resilience;

/// <summary>
/// Stopping the gateway (what SIGTERM does) while its database is down or frozen ends within a bound: the calls in
/// flight end at their deadlines, the last usage flush gives up after its own bound, and nothing waits for a server
/// that will not answer.
/// </summary>
[TestFixture]
public sealed class ShutdownTests
{
    // The call deadline (3 s here), the last usage flush's bound (10 s) and slack for a loaded machine: far below the
    // minutes a wait on a frozen server could take.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(25);

    [TestCase(false, TestName = "Stop_WhileTheDatabaseIsDown_EndsWithinItsBound")]
    [TestCase(true, TestName = "Stop_WhileTheDatabaseIsFrozenWithACallInFlight_EndsWithinItsBound")]
    public async Task Stop_WithoutADatabase_EndsWithinItsBound(bool frozen)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-shutdown-" + Guid.NewGuid().ToString("N")[..12]);
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = false }, CancellationToken.None);
        try
        {
            var gateway = await TestGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Calls:DeadlineSeconds"] = "3" }, connectionString: server.ConnectionString);
            var client = gateway.Client();
            var cpr = TestCitizens.Next();
            await client.RegisterInterview(SampleRegistrations.Minimal(cpr)); // counted usage waits for the next flush

            Task inFlight = Task.CompletedTask;
            if (frozen)
            {
                await PostgresFaults.FreezeAsync(server);
                inFlight = Task.Run(async () =>
                {
                    try
                    {
                        await client.GetContactCourse(cpr);
                    }
                    catch (Exception ex) when (ex is System.ServiceModel.FaultException or System.ServiceModel.CommunicationException or OperationCanceledException)
                    {
                        // Server.Unavailable at its deadline, or the connection closed by the stop: either ends it.
                    }
                });
                await Task.Delay(500);
            }
            else
            {
                await PostgresFaults.CrashAsync(server);
            }

            var watch = Stopwatch.StartNew();
            await gateway.DisposeAsync();
            var took = watch.Elapsed;
            await inFlight;

            Assert.Multiple(() =>
            {
                Assert.That(took, Is.LessThan(StopBound), "stopping waited for a database that does not answer");
                Assert.That(gateway.Log.Entries.Where(e => e.EventId.Id == 303).Select(e => e.Message),
                    Has.One.Contains("Stopping without storing "), "the usage that could not be kept is told");
            });
        }
        finally
        {
            if (frozen)
            {
                await PostgresFaults.ThawAsync(server);
            }

            await server.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Stop_WithItsEmbeddedDatabaseFrozen_EndsWithinItsBoundAndSaysTheServerIsLeftRunning()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-shutdown-embedded-" + Guid.NewGuid().ToString("N")[..12]);
        var gateway = await TestGateway.StartAsync(embeddedFolder: folder);
        var server = gateway.Services.GetRequiredService<Gateway.Host.Hosting.GatewayDatabase>().Embedded!;
        await PostgresFaults.FreezeAsync(server);
        try
        {
            var watch = Stopwatch.StartNew();
            await gateway.DisposeAsync();
            var took = watch.Elapsed;

            Assert.Multiple(() =>
            {
                Assert.That(took, Is.LessThan(StopBound), "stopping waited for a frozen embedded server");
                Assert.That(gateway.Log.Entries.Select(e => e.EventId.Id), Has.Member(107).And.No.Member(102), "the server was said to be stopped");
            });
        }
        finally
        {
            // Thawed, the server carries out the stop it was asked for.
            await PostgresFaults.ThawAsync(server);
            await Eventually.HoldsAsync(() => !server.IsRunningIgnoringStop, "the thawed server did not stop", TimeSpan.FromSeconds(30));
            Directory.Delete(folder, recursive: true);
        }
    }
}
