namespace Gateway.IntegrationTests.Support;

/// <summary>A fixture of two gateway instances on one database (<see cref="TwoInstances"/>), started once for its tests.</summary>
public abstract class TwoInstanceFixture
{
    /// <summary>The two instances.</summary>
    protected TwoInstances Instances { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstances() => Instances = await TwoInstances.StartAsync();

    [OneTimeTearDown]
    public async Task StopThem() => await Instances.DisposeAsync();
}
