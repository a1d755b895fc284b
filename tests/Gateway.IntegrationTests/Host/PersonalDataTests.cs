using System.ServiceModel;
using System.Text.RegularExpressions;
using Gateway.Contracts.CodeLists;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host;

/// <summary>No full CPR number in logs: every operation, succeeding and failing, with everything logged down to Debug.</summary>
[TestFixture]
public sealed partial class PersonalDataTests
{
    [Test]
    public async Task Logs_AfterEveryOperationSucceedingAndFailing_HoldNoCprNumber()
    {
        // Everything, framework categories included, at the most verbose level an operator could choose.
        await using var gateway = await TestGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:SoapCore"] = "Trace",
        });
        var client = gateway.Client();
        var cpr = TestCitizens.Next();

        await client.Ping();
        await client.RegisterInterview(SampleRegistrations.Complete(cpr));
        await client.GetContactCourse(cpr);
        var refused = SampleRegistrations.Minimal(cpr);
        refused.CaseType = CaseType.Dagpenge;
        Assert.ThrowsAsync<FaultException<Gateway.Contracts.Types.GatewayFault>>(() => client.RegisterInterview(refused));
        Assert.ThrowsAsync<FaultException<Gateway.Contracts.Types.GatewayFault>>(() => client.GetContactCourse("3213901234"));
        // A schema violation whose parser message quotes the value, and a side route with a CPR in its query.
        using (await gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(
            $"<GetContactCourse xmlns=\"urn:dk:ams:contactcourse:v1\"><Cpr>{cpr}0</Cpr></GetContactCourse>"))))
        using (await gateway.Http.GetAsync($"/soap/v1/ContactCourse/GetContactCourse?cpr={cpr}"))
        {
        }

        var logged = string.Join('\n', gateway.Log.Entries.Select(e => $"{e.Category} {e.Message} {e.Exception}"));
        Assert.Multiple(() =>
        {
            Assert.That(gateway.Log.Entries.Count(e => e.EventId.Id == 1001), Is.GreaterThanOrEqualTo(3), "the refusals were logged");
            Assert.That(CprLike().Matches(logged).Select(m => m.Value), Is.Empty);
        });
    }

    // Alphanumeric boundaries: a 32-hex-digit correlation id often holds ten decimal digits in a row.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{6}-?[0-9]{4}(?![0-9A-Za-z])")]
    private static partial Regex CprLike();
}
