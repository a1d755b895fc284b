using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;

namespace Gateway.IntegrationTests;

/// <summary>Creates the run's certificates and starts its PostgreSQL before any test; stops and removes them after the last.</summary>
[SetUpFixture]
public sealed class RunSetup
{
    [OneTimeSetUp]
    public Task StartDatabase()
    {
        TestPki.Create();
        return TestPostgres.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopDatabase()
    {
        await TestPostgres.StopAsync();
        TestPki.Delete();
    }
}
