using Gateway.Cli;
using Gateway.Contracts;
using Gateway.Host.Access;
using Gateway.Host.Sandbox;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// Two gateway instances on one database, both caching agreements, and an operator changing the sandbox agreement with
/// gatewayctl: for asserting that a change decides the next call on every instance.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly TestGateway[] _gateways;

    private TwoInstances(TestGateway first, TestGateway second) => _gateways = [first, second];

    /// <summary>The first instance, which made the database.</summary>
    public TestGateway First => _gateways[0];

    /// <summary>Starts two instances on one new database.</summary>
    public static async Task<TwoInstances> StartAsync()
    {
        var first = await TestGateway.StartAsync();
        return new TwoInstances(first, await TestGateway.StartAsync(connectionString: first.ConnectionString));
    }

    /// <summary>A client of each instance under the sandbox agreement, once each instance holds the agreement in its cache and listens for changes.</summary>
    public async Task<IContactCourseService[]> WarmClientsAsync()
    {
        var clients = _gateways.Select(g => g.Client()).ToArray();
        foreach (var client in clients)
        {
            await client.Ping(); // warm: the instance now holds the agreement in its cache
        }

        // Each instance starts listening in the background, shortly after it starts serving.
        await Eventually.HoldsAsync(() => _gateways.All(g => g.Services.GetRequiredService<CachedAccessStore>().IsCaching), "an instance never started listening");
        return clients;
    }

    /// <summary>
    /// Runs <c>gatewayctl agreements ACTION SANDBOX-AGREEMENT OPTIONS</c> as an operator would, then waits until both
    /// instances have heard of the change (a notification arrives asynchronously, within milliseconds; the wait is bounded).
    /// </summary>
    public async Task ChangeSandboxAgreementAsync(string action, params string[] options)
    {
        var heard = _gateways.Select(HeardCount).ToArray();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await Gatewayctl.RunAsync(
            ["--connection-string", First.ConnectionString, "--operator", "test-operator", "agreements", action, SandboxIdentity.AgreementId.ToString(), .. options],
            output, errors);
        Assert.That(exit, Is.Zero, errors.ToString());

        await Eventually.HoldsAsync(() => _gateways.Select((g, i) => HeardCount(g) > heard[i]).All(h => h), "an instance never heard of the change");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
    }

    // Event 202: the instance heard of a change and emptied its cache.
    private static int HeardCount(TestGateway gateway) => gateway.Log.Entries.Count(e => e.EventId.Id == 202);
}
