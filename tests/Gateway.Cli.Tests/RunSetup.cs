using Gateway.TestSupport;

namespace Gateway.Cli.Tests;

/// <summary>Starts the run's PostgreSQL before any test and stops it after the last.</summary>
[SetUpFixture]
public sealed class RunSetup
{
    [OneTimeSetUp]
    public Task StartDatabase() => TestPostgres.StartAsync();

    [OneTimeTearDown]
    public Task StopDatabase() => TestPostgres.StopAsync();
}
