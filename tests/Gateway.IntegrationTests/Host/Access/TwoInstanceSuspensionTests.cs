using System.ServiceModel;
using Gateway.Cli;
using Gateway.Contracts.Types;
using Gateway.Host.Access;
using Gateway.Host.Sandbox;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Access;

/// <summary>
/// Two gateway instances on one database both cache agreements; `gatewayctl agreements suspend` on either side makes
/// the next call on both fail, because PostgreSQL tells every instance the moment the change commits.
/// </summary>
[TestFixture]
public sealed class TwoInstanceSuspensionTests
{
    private TestGateway _first = null!;
    private TestGateway _second = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstances()
    {
        _first = await TestGateway.StartAsync();
        _second = await TestGateway.StartAsync(connectionString: _first.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopThem()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Test]
    public async Task SuspendThenResume_BothInstancesCaching_TakesEffectOnTheNextCallOfBothInstances()
    {
        var clients = new[] { _first.Client(), _second.Client() };
        foreach (var client in clients)
        {
            await client.Ping(); // warm: both instances now hold the agreement in their cache
        }

        // Each instance starts listening in the background, shortly after it starts serving.
        await Eventually.HoldsAsync(() => new[] { _first, _second }.All(g => g.Services.GetRequiredService<CachedAccessStore>().IsCaching),
            "an instance never started listening");

        await ChangeAsync("suspend");
        Assert.That(clients.Select(c => Assert.ThrowsAsync<FaultException<GatewayFault>>(() => c.Ping())!.Detail.Code),
            Is.All.EqualTo("Client.AccessDenied.AgreementSuspended"));

        await ChangeAsync("resume");
        foreach (var client in clients)
        {
            Assert.That((await client.Ping()).Version, Is.Not.Empty);
        }
    }

    // Runs gatewayctl as an operator would, then waits until both instances have heard of the change (a
    // notification arrives asynchronously, within milliseconds; the wait is bounded).
    private async Task ChangeAsync(string action)
    {
        var heard = new[] { _first, _second }.Select(g => g.Log.Entries.Count(e => e.EventId.Id == 202)).ToArray();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await Gatewayctl.RunAsync(
            ["--connection-string", _first.ConnectionString, "--operator", "test-operator", "agreements", action, SandboxIdentity.AgreementId.ToString(), "--reason", "two-instance test"],
            output, errors);
        Assert.That(exit, Is.Zero, errors.ToString());

        await Eventually.HoldsAsync(() => new[] { _first, _second }.Select((g, i) => g.Log.Entries.Count(e => e.EventId.Id == 202) > heard[i]).All(h => h),
            "an instance never heard of the change");
    }
}
