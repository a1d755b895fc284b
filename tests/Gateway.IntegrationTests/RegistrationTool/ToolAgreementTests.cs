using System.Net;
using Gateway.Domain.Agreements;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.RegistrationTool;

/// <summary>An operator's suspension of the registration-tool agreement takes effect on the case worker's next request.</summary>
public sealed class ToolAgreementTests
{
    [Test]
    public async Task Register_ToolAgreementSuspended_RefusedOnTheNextRequestAndNothingStored()
    {
        await using var site = await ToolSite.StartAsync();
        using var client = site.Client();
        await client.SignInAsync();
        await client.GetAsync("/registrer");
        var form = ToolForms.Minimal(TestCitizens.Next(), client.Hidden("RequestId"));
        var before = await site.Gateway.CountAsync("registration");

        await site.Gateway.Agreements.TransitionAsync(site.Agreement.Id, AgreementAction.Suspend, "tests", "Undersøges.", CancellationToken.None);
        var answer = await client.PostAsync("/registrer", form);
        var signIn = await client.SignInAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Text, Does.Contain("aftale om registreringsværktøjet er suspenderet").And.Contain("Client.AccessDenied.AgreementSuspended"));
            Assert.That(await site.Gateway.CountAsync("registration"), Is.EqualTo(before));
            Assert.That(signIn.Text, Does.Contain("suspenderet"), "nor can the case worker sign in again");
        }
    }
}
