using System.ServiceModel;
using System.Text.RegularExpressions;
using Gateway.Contracts.CodeLists;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host;

/// <summary>
/// No full CPR number in logs, fault texts, metrics or traces: every operation (the supervision operations included),
/// succeeding and failing, with everything logged down to Trace, the Prometheus text scraped and every span and metric
/// exported over OTLP read.
/// </summary>
[TestFixture]
public sealed partial class PersonalDataTests
{
    [Test]
    public async Task LogsMetricsAndTraces_AfterEveryOperationSucceedingAndFailing_HoldNoCprNumber()
    {
        // Everything, framework categories included, at the most verbose level an operator could choose; every call traced.
        await using var collector = await OtlpReceiver.StartAsync();
        await using var gateway = await TestGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Telemetry:OtlpEndpoint"] = collector.Address,
            ["Gateway:Telemetry:OtlpMetricIntervalSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Npgsql"] = "Trace",
        });
        var client = gateway.Client();
        var cpr = TestCitizens.Next();

        var faults = new List<Gateway.Contracts.Types.GatewayFault>();
        void Refused(Func<Task> call) => faults.Add(Assert.ThrowsAsync<FaultException<Gateway.Contracts.Types.GatewayFault>>(() => call())!.Detail);

        await client.Ping();
        var receipt = await client.RegisterInterview(SampleRegistrations.Complete(cpr));
        await client.GetContactCourse(cpr);
        var refused = SampleRegistrations.Minimal(cpr);
        refused.CaseType = CaseType.Dagpenge;
        Refused(() => client.RegisterInterview(refused));
        Refused(() => client.GetContactCourse("3213901234"));
        await client.CorrectInterview("pd-1", receipt.RegistrationId, 1, $"Rettet for {cpr}.", SampleRegistrations.Complete(cpr));
        Refused(() => client.CorrectInterview("pd-2", receipt.RegistrationId, 2, "Anden borger.", SampleRegistrations.Complete(TestCitizens.Next())));
        Refused(() => client.CorrectInterview("pd-3", receipt.RegistrationId, 1, "Gammel version.", SampleRegistrations.Complete(cpr)));
        await client.GetInterview(receipt.RegistrationId);
        Refused(() => client.GetInterview(Guid.NewGuid()));
        await client.ListRegistrations(null, null);
        Refused(() => client.ListRegistrations(cpr, null));
        // Supervision (contract 1.4): the overdue list with CPR numbers in full, and refused.
        var overdueCpr = TestCitizens.Next();
        var overdue = SampleRegistrations.Minimal(overdueCpr);
        overdue.Interview.HeldOn = SampleRegistrations.Today.AddMonths(-5);
        overdue.NextContact = new Gateway.Contracts.Types.NextContact { PlannedOn = SampleRegistrations.Today.AddMonths(-4), PlannedOnSpecified = true };
        await client.RegisterInterview(overdue);
        var municipality = new Gateway.Contracts.Types.Authority { Kind = AuthorityKind.Municipality, Code = Callers.MunicipalityCode };
        await client.GetSupervisionReport(new() { Authority = municipality, From = SampleRegistrations.Today.AddYears(-1), To = SampleRegistrations.Today });
        var supervisor = await gateway.SupervisorClientAsync(overdueCpr: true);
        Assert.That((await supervisor.ListOverdueCitizens(new() { Authority = municipality, AsOf = SampleRegistrations.Today, IncludeCpr = true }, null, null)).Citizens.Select(c => c.Cpr), Does.Contain(overdueCpr));
        Refused(() => client.ListOverdueCitizens(new() { Authority = municipality, AsOf = SampleRegistrations.Today, IncludeCpr = true }, null, null));
        Refused(() => client.ListOverdueCitizens(new() { Authority = municipality, AsOf = SampleRegistrations.Today }, cpr, null));
        await client.CancelInterview("pd-4", receipt.RegistrationId, 2, "Annulleret.");
        Refused(() => client.CancelInterview("pd-5", receipt.RegistrationId, 3, "Igen."));
        // A schema violation whose parser message quotes the value, and a side route with a CPR in its query.
        using (await gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(
            $"<GetContactCourse xmlns=\"urn:dk:ams:contactcourse:v1\"><Cpr>{cpr}0</Cpr></GetContactCourse>"))))
        using (await gateway.Http.GetAsync($"/soap/v1/ContactCourse/GetContactCourse?cpr={cpr}"))
        {
        }

        using var management = new HttpClient { BaseAddress = new Uri(gateway.Services.GetRequiredService<Gateway.Host.Management.ManagementServer>().Addresses.Single()) };
        var scraped = await management.GetStringAsync("/metrics");
        // The last call's spans and a metrics export after it, so that everything above has been sent.
        await Eventually.HoldsAsync(() => collector.AllAsText().Contains("gateway.dispatch CancelInterview", StringComparison.Ordinal), "the last call's trace exported");
        var exportsBefore = collector.Bodies("metrics").Count;
        await Eventually.HoldsAsync(() => collector.Bodies("metrics").Count > exportsBefore, "one more metrics export");

        var logged = string.Join('\n', gateway.Log.Entries.Select(e => $"{e.Category} {e.Message} {e.Exception}"))
            + string.Join('\n', faults.Select(f => $"{f.Text} {string.Join(' ', f.FieldErrors?.Select(e => e.Text) ?? [])}"));
        var exported = collector.AllAsText();
        Assert.Multiple(() =>
        {
            Assert.That(gateway.Log.Entries.Count(e => e.EventId.Id == 1001), Is.GreaterThanOrEqualTo(8), "the refusals were logged");
            Assert.That(CprLike().Matches(logged).Select(m => m.Value), Is.Empty, "logs and faults");
            Assert.That(CprLike().Matches(scraped).Select(m => m.Value), Is.Empty, "the Prometheus text");
            Assert.That(exported, Does.Contain("gateway.dispatch RegisterInterview").And.Contain("postgresql"), "spans down to the SQL were read");
            Assert.That(CprLike().Matches(exported).Select(m => m.Value), Is.Empty, "the OTLP exports");
            Assert.That(new[] { cpr, overdueCpr }.Where(c => exported.Contains(c, StringComparison.Ordinal) || scraped.Contains(c, StringComparison.Ordinal)), Is.Empty,
                "the citizens' numbers themselves");
        });
    }

    // Alphanumeric boundaries: a 32-hex-digit correlation id often holds ten decimal digits in a row.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{6}-?[0-9]{4}(?![0-9A-Za-z])")]
    private static partial Regex CprLike();
}
