using System.ServiceModel;
using Gateway.Contracts.Types;
using Gateway.Host.Sandbox;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Access;

/// <summary>
/// Two gateway instances on one database both cache agreements; `gatewayctl agreements amend` on either side decides
/// the next call on both: the agreement trigger that announces a status change announces an amendment too.
/// </summary>
[TestFixture]
public sealed class TwoInstanceAmendmentTests : TwoInstanceFixture
{
    [Test]
    public async Task AmendOperationAwayThenBack_BothInstancesCaching_TakesEffectOnTheNextCallOfBothInstances()
    {
        var clients = await Instances.WarmClientsAsync();
        var operations = (await Instances.First.Agreements.GetAgreementAsync(SandboxIdentity.AgreementId, CancellationToken.None))!.Operations;
        Assert.That(operations, Does.Contain("Ping"));

        await Instances.ChangeSandboxAgreementAsync("amend", "--operations", string.Join(",", operations.Where(o => o != "Ping")), "--reason", "Ping not needed");
        Assert.That(clients.Select(c => Assert.ThrowsAsync<FaultException<GatewayFault>>(() => c.Ping())!.Detail.Code),
            Is.All.EqualTo("Client.AccessDenied.OperationNotInAgreement"));

        await Instances.ChangeSandboxAgreementAsync("amend", "--operations", string.Join(",", operations), "--reason", "Ping needed after all");
        foreach (var client in clients)
        {
            Assert.That((await client.Ping()).Version, Is.Not.Empty);
        }
    }
}
