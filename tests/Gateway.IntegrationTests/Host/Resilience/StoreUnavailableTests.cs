using System.ServiceModel;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Resilience;

/// <summary>
/// When PostgreSQL goes away, callers get the retryable <c>Server.Unavailable</c> fault (never a stack trace, never a
/// dropped connection), the log tells the operator once why, and no CPR number is logged along the way.
/// </summary>
[TestFixture]
public sealed class StoreUnavailableTests
{
    private GatewayOnOwnServer _own = null!;

    [OneTimeSetUp]
    public async Task StartGatewayOnItsOwnServer() => _own = await GatewayOnOwnServer.StartAsync(durable: false);

    [OneTimeTearDown]
    public Task StopAll() => _own.DisposeAsync().AsTask();

    [Test]
    public async Task RegisterAndRead_AfterTheDatabaseStopped_FailRetryablyAndTheOutageIsLoggedOnceWithItsCauseWithoutCpr()
    {
        var client = _own.Gateway.Client();
        var cpr = TestCitizens.Next();
        await client.RegisterInterview(SampleRegistrations.Minimal(cpr));

        await _own.Server.DisposeAsync();

        var write = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.RegisterInterview(SampleRegistrations.Minimal(cpr)))!;
        var read = Assert.ThrowsAsync<FaultException<GatewayFault>>(() => client.GetContactCourse(cpr))!;

        Assert.Multiple(() =>
        {
            foreach (var fault in new[] { write, read })
            {
                Assert.That(fault.Code.Name, Is.EqualTo("Server"));
                Assert.That(fault.Detail.Code, Is.EqualTo("Server.Unavailable"));
                Assert.That(fault.Detail.Retryable, Is.True);
                Assert.That(fault.Detail.Text, Does.Not.Contain("Npgsql").And.Not.Contain("127.0.0.1"));
            }

            // The outage is told once, with its cause, and each refused call at Debug, without a stack trace.
            var outage = _own.Gateway.Log.Entries.Where(e => e.EventId.Id == 111).ToList();
            Assert.That(outage, Has.Count.EqualTo(1));
            Assert.That(outage[0].Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
            Assert.That(outage[0].Message, Does.Contain("cannot be reached (").And.Not.Contain("Npgsql."));
            var refused = _own.Gateway.Log.Entries.Where(e => e.EventId.Id == 1003).ToList();
            Assert.That(refused, Has.Count.EqualTo(2));
            Assert.That(refused.Select(f => f.Exception), Has.All.Null);
            Assert.That(refused.Select(f => f.Level), Has.All.EqualTo(Microsoft.Extensions.Logging.LogLevel.Debug));
            Assert.That(refused.Select(f => f.Message), Has.Some.Contain(write.Detail.CorrelationId));
            Assert.That(refused.Select(f => f.Message), Has.Some.Contain(read.Detail.CorrelationId));
            Assert.That(_own.Gateway.Log.Entries.Where(e => e.EventId.Id == 1002), Is.Empty, "an outage is not a server failure");
            Assert.That(string.Join('\n', _own.Gateway.Log.Entries.Select(e => e.Message + e.Exception)), Does.Not.Contain(cpr));
        });
    }
}
