using System.ServiceModel;
using Gateway.Contracts.Types;
using Gateway.Data.Database;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Soap;

/// <summary>
/// When PostgreSQL goes away, callers get the retryable <c>Server.Unavailable</c> fault (never a stack trace, never a
/// dropped connection), the log tells the operator why, and no CPR number is logged along the way.
/// </summary>
[TestFixture]
public sealed class StoreUnavailableTests
{
    private string _folder = null!;
    private EmbeddedPostgres _server = null!;
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGatewayOnItsOwnServer()
    {
        _folder = Path.Combine(Path.GetTempPath(), "gateway-unavailable-" + Guid.NewGuid().ToString("N")[..12]);
        _server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = _folder, Durable = false }, CancellationToken.None);
        _gateway = await TestGateway.StartAsync(connectionString: _server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        await _gateway.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task RegisterAndRead_AfterTheDatabaseStopped_FailRetryablyAndLogTheCauseWithoutCpr()
    {
        var client = _gateway.Client();
        var cpr = TestCitizens.Next();
        await client.RegisterInterview(SampleRegistrations.Minimal(cpr));

        await _server.DisposeAsync();

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

            var failures = _gateway.Log.Entries.Where(e => e.EventId.Id == 1002).ToList();
            Assert.That(failures, Has.Count.EqualTo(2));
            Assert.That(failures.Select(f => f.Exception), Has.All.Contain("---> Npgsql."));
            Assert.That(failures.Select(f => f.Message), Has.Some.Contain(write.Detail.CorrelationId));
            Assert.That(failures.Select(f => f.Message), Has.Some.Contain(read.Detail.CorrelationId));
            Assert.That(string.Join('\n', _gateway.Log.Entries.Select(e => e.Message + e.Exception)), Does.Not.Contain(cpr));
        });
    }
}
