using System.ServiceModel;
using Gateway.Contracts.Types;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Access;

/// <summary>
/// Two gateway instances on one database both cache agreements; `gatewayctl agreements suspend` on either side makes
/// the next call on both fail, because PostgreSQL tells every instance the moment the change commits.
/// </summary>
[TestFixture]
public sealed class TwoInstanceSuspensionTests : TwoInstanceFixture
{
    [Test]
    public async Task SuspendThenResume_BothInstancesCaching_TakesEffectOnTheNextCallOfBothInstances()
    {
        var clients = await Instances.WarmClientsAsync();

        await Instances.ChangeSandboxAgreementAsync("suspend", "--reason", "two-instance test");
        Assert.That(clients.Select(c => Assert.ThrowsAsync<FaultException<GatewayFault>>(() => c.Ping())!.Detail.Code),
            Is.All.EqualTo("Client.AccessDenied.AgreementSuspended"));

        await Instances.ChangeSandboxAgreementAsync("resume", "--reason", "two-instance test");
        foreach (var client in clients)
        {
            Assert.That((await client.Ping()).Version, Is.Not.Empty);
        }
    }
}
