using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests;

/// <summary>Starts the run's PostgreSQL before any test and stops it after the last.</summary>
[SetUpFixture]
public sealed class RunSetup
{
    [OneTimeSetUp]
    public Task StartDatabase() => TestDatabase.StartAsync();

    [OneTimeTearDown]
    public Task StopDatabase() => TestDatabase.StopAsync();
}
