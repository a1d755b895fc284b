using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Data.Conformance;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Conformance;

/// <summary>
/// The partner's own conformance view over mutual TLS: its own IT system only, identified by the client certificate
/// as a SOAP call is; its drills switched by itself and recorded; nothing of it in a Production gateway.
/// </summary>
[TestFixture]
public sealed class PartnerConformanceEndpointTests
{
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [Test]
    public async Task Status_WithTheSystemsCertificate_IsThatSystemsStanding()
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Partner");
        using var http = _gateway.CreateHttp(system.Certificate);

        using var response = await http.GetAsync("/conformance/v1/status");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(json.GetProperty("itSystemId").GetGuid(), Is.EqualTo(system.Id));
            Assert.That(json.GetProperty("certified").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("drills").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("id").GetString()), Does.Contain("retry.lost-answer"));
        });
    }

    [TestCase(false, HttpStatusCode.Unauthorized, "Client.Authentication.CertificateRequired", TestName = "Status_WithoutACertificate_IsUnauthorized")]
    [TestCase(true, HttpStatusCode.Forbidden, "Client.Authentication.CertificateUnknown", TestName = "Status_WithAnUnregisteredCertificate_IsForbidden")]
    public async Task Status_OfAnUnidentifiedCaller_IsRefused(bool withCertificate, HttpStatusCode status, string code)
    {
        using var http = _gateway.CreateHttp(withCertificate ? TestPki.IssueClient("Nobody's system") : null);

        using var response = await http.GetAsync("/conformance/v1/status");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That((response.StatusCode, json.GetProperty("code").GetString()), Is.EqualTo((status, code)));
    }

    [Test]
    public async Task Drills_SwitchedByTheSystem_AreRecordedForItAlone()
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Switching partner");
        var other = await KitSystem.ConnectAsync(_gateway, "Other partner");
        using var http = _gateway.CreateHttp(system.Certificate);
        var store = new ConformanceStore(_gateway.Store);

        using var on = await http.PutAsync("/conformance/v1/drills", new StringContent("on", Encoding.ASCII, "text/plain"));
        using var nonsense = await http.PutAsync("/conformance/v1/drills", new StringContent("maybe", Encoding.ASCII, "text/plain"));

        Assert.Multiple(async () =>
        {
            Assert.That(on.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JsonDocument.Parse(await on.Content.ReadAsStringAsync()).RootElement.GetProperty("drills").GetBoolean(), Is.True);
            Assert.That(nonsense.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await store.DrillsOnAsync(system.Id, CancellationToken.None), Is.True);
            Assert.That(await store.DrillsOnAsync(other.Id, CancellationToken.None), Is.False);
        });
    }

    [TestCase("on\n", "text/plain", HttpStatusCode.OK, TestName = "Drills_OnWithAFinalLineBreak_IsAccepted")]
    [TestCase(" on", "text/plain", HttpStatusCode.BadRequest, TestName = "Drills_OnWithALeadingSpace_IsRefused")]
    [TestCase("on\u0000", "text/plain", HttpStatusCode.BadRequest, TestName = "Drills_OnWithAControlCharacter_IsRefused")]
    [TestCase("on", "application/json", HttpStatusCode.BadRequest, TestName = "Drills_OnAsJson_IsRefused")]
    public async Task Drills_Body_IsOnOrOffAsPlainText(string body, string mediaType, HttpStatusCode status)
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Strict partner");
        using var http = _gateway.CreateHttp(system.Certificate);

        using var response = await http.PutAsync("/conformance/v1/drills", new StringContent(body, Encoding.ASCII, mediaType));

        Assert.That(response.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public async Task Drills_TheSameSwitchAgain_RecordsNothingMore()
    {
        var system = await KitSystem.ConnectAsync(_gateway, "Repeating partner");
        using var http = _gateway.CreateHttp(system.Certificate);

        for (var i = 0; i < 5; i++)
        {
            using var _ = await http.PutAsync("/conformance/v1/drills", new StringContent("on", Encoding.ASCII, "text/plain"));
        }

        await using var count = _gateway.DataSource.CreateCommand("select count(*) from conformance_drill_switch where it_system_id = $1");
        count.Parameters.AddWithValue(system.Id);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(1));
    }

    [TestCase("POST", "/conformance/v1/status", HttpStatusCode.MethodNotAllowed, TestName = "Path_StatusWithPost_IsNotAllowed")]
    [TestCase("GET", "/conformance/v1/drills", HttpStatusCode.MethodNotAllowed, TestName = "Path_DrillsWithGet_IsNotAllowed")]
    [TestCase("GET", "/conformance/v1/status?x=1", HttpStatusCode.NotFound, TestName = "Path_StatusWithAQuery_IsNotFound")]
    [TestCase("GET", "/conformance/v1/other", HttpStatusCode.NotFound, TestName = "Path_Unknown_IsNotFound")]
    public async Task Path_OtherThanPublished_IsRefusedByHttp(string method, string path, HttpStatusCode status)
    {
        using var http = _gateway.CreateHttp(TestGateway.ClientCertificate);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.That(response.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public async Task Status_InAProductionGateway_IsNotFound()
    {
        await using var production = await TestGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Environment"] = "Production" });
        using var http = production.CreateHttp(TestGateway.ClientCertificate);

        using var response = await http.GetAsync("/conformance/v1/status");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
