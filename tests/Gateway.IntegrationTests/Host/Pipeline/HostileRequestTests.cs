using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.Contracts;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline;

/// <summary>
/// What a WCF client cannot send, sent over raw HTTP to the real host: every request is refused with the
/// documented fault (or, off the service path, the documented status), and nothing is stored.
/// </summary>
[TestFixture]
public sealed class HostileRequestTests
{
    private const string Path = "/soap/v1/ContactCourse";
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    // Stored requests (Requests/*.xml), each beside the fault code it must produce.
    [TestCase("dtd-entity-expansion.xml", "Client.Request.DtdNotAllowed")]
    [TestCase("dtd-external-entity.xml", "Client.Request.DtdNotAllowed")]
    [TestCase("dtd-after-comment.xml", "Client.Request.DtdNotAllowed")]
    [TestCase("malformed-unclosed.xml", "Client.Request.MalformedXml")]
    [TestCase("malformed-not-xml.xml", "Client.Request.MalformedXml")]
    [TestCase("not-an-envelope.xml", "Client.Request.NotSoapEnvelope")]
    [TestCase("envelope-without-body.xml", "Client.Request.NotSoapEnvelope")]
    [TestCase("soap12-envelope-sent-as-soap11.xml", "Client.Request.EnvelopeVersionMismatch")]
    [TestCase("header-must-understand.xml", "Client.Request.HeaderNotUnderstood")]
    [TestCase("empty-body.xml", "Client.Request.UnknownOperation")]
    [TestCase("unknown-operation.xml", "Client.Request.UnknownOperation")]
    [TestCase("operation-in-foreign-namespace.xml", "Client.Request.UnknownOperation")]
    [TestCase("two-operations-in-body.xml", "Client.Validation.SchemaViolation")]
    [TestCase("register-unknown-element.xml", "Client.Validation.SchemaViolation")]
    [TestCase("register-missing-mandatory-element.xml", "Client.Validation.SchemaViolation")]
    [TestCase("register-code-outside-code-list.xml", "Client.Validation.SchemaViolation")]
    [TestCase("register-impossible-date.xml", "Client.Validation.SchemaViolation")]
    [TestCase("register-next-contact-both-choices.xml", "Client.Validation.SchemaViolation")]
    [TestCase("register-comment-too-long.xml", "Client.Validation.SchemaViolation")]
    [TestCase("register-case-type-of-another-authority.xml", "Client.AccessDenied.CaseTypeNotAllowed")]
    [TestCase("register-interview-in-future.xml", "Client.Validation.RuleViolation")]
    [TestCase("correct-without-reason.xml", "Client.Validation.SchemaViolation")]
    [TestCase("correct-version-zero.xml", "Client.Validation.SchemaViolation")]
    [TestCase("correct-unknown-registration.xml", "Client.NotFound.Registration")]
    [TestCase("cancel-reason-too-long.xml", "Client.Validation.SchemaViolation")]
    [TestCase("get-interview-not-a-uuid.xml", "Client.Validation.SchemaViolation")]
    [TestCase("list-max-count-over-500.xml", "Client.Validation.SchemaViolation")]
    [TestCase("list-malformed-cursor.xml", "Client.Validation.RuleViolation")]
    public async Task StoredRequest_HostileOrMalformed_IsRefusedWithItsFaultAndStoresNothing(string file, string code)
    {
        var body = await File.ReadAllTextAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "Host", "Pipeline", "Requests", file));
        await AssertRefusedAsync(SoapRequests.Post(Path, body), code);
    }

    [Test]
    public async Task DtdRequest_ResponseIsSmall_NoEntityWasExpanded()
    {
        var body = await File.ReadAllTextAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "Host", "Pipeline", "Requests", "dtd-entity-expansion.xml"));
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post(Path, body));
        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.LessThan(2048));
    }

    [Test]
    public async Task Body_OverTheCap_IsRefusedAsTooLarge()
    {
        var padding = new string(' ', 1024 * 1024);
        await AssertRefusedAsync(SoapRequests.Post(Path, SoapRequests.Envelope11("<Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/>" + padding)), "Client.Request.TooLarge");
    }

    [Test]
    public async Task ChunkedBodyOverTheCap_WithoutContentLength_IsRefusedAsTooLarge()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(SoapRequests.Envelope11(new string('x', (1024 * 1024) + 10))))),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TransferEncodingChunked = true;
        await AssertRefusedAsync(request, "Client.Request.TooLarge");
    }

    [Test]
    public async Task SoapAction_OfAnotherOperation_IsRefusedAsActionMismatch()
    {
        var body = await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", "RegisterInterview.xml"));
        await AssertRefusedAsync(SoapRequests.Post(Path, body, soapAction: $"\"{ContactCourseActions.GetContactCourse}\""), "Client.Request.ActionMismatch");
    }

    [TestCase("Interview")]
    [TestCase("RegisterInterview")]
    [TestCase("urn:dk:ams:contactcourse:v1/ContactCourse/RegisterInterviewX")]
    public async Task SoapAction_ThatOnlyContainsTheOperation_IsRefusedAsActionMismatch(string action)
    {
        // Some SOAP stacks match actions by substring or suffix; the envelope stage accepts only the exact action.
        var body = await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", "RegisterInterview.xml"));
        await AssertRefusedAsync(SoapRequests.Post(Path, body, soapAction: $"\"{action}\""), "Client.Request.ActionMismatch");
    }

    [TestCase("application/json")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("text/plain")]
    public async Task MediaType_NonSoap_IsRefusedAsUnsupportedMediaType(string mediaType)
    {
        var body = SoapRequests.Envelope11($"<Ping xmlns=\"{ContractNamespace.V1}\"/>");
        await AssertRefusedAsync(SoapRequests.Post(Path, body, mediaType), "Client.Request.UnsupportedMediaType");
    }

    [Test]
    public async Task Soap12_WithActionOfAnotherOperation_IsRefusedWithASoap12Fault()
    {
        var body = $"<e:Envelope xmlns:e=\"{SoapRequests.Soap12}\"><e:Body><Ping xmlns=\"{ContractNamespace.V1}\"/></e:Body></e:Envelope>";
        var request = SoapRequests.Post(Path, body, $"application/soap+xml; action=\"{ContactCourseActions.RegisterInterview}\"");
        using var response = await _gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/soap+xml"));
            Assert.That(text, Does.Contain("<s:Value>s:Sender</s:Value>"));
            Assert.That(text, Does.Contain("<Code>Client.Request.ActionMismatch</Code>"));
        });
    }

    [Test]
    public async Task Soap12_WithAStraySoapActionHeader_IsDecidedByTheBodyAndTheMediaTypeAlone()
    {
        // SOAP 1.2 has no SOAPAction header: a stray one must not steer the call to another operation.
        var body = $"<e:Envelope xmlns:e=\"{SoapRequests.Soap12}\"><e:Header>{Callers.HeaderXml()}</e:Header><e:Body><Ping xmlns=\"{ContractNamespace.V1}\"/></e:Body></e:Envelope>";
        var request = SoapRequests.Post(Path, body, "application/soap+xml", soapAction: $"\"{ContactCourseActions.GetContactCourse}\"");
        using var response = await _gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(text, Does.Contain("PingResponse"));
        });
    }

    // Paths that SOAP stacks commonly serve beside the endpoint (operation routes, metadata): none exists here, 404 for all.
    [TestCase("GET", "/soap/v1/ContactCourse/RegisterInterview?callContext=x&registration=y")]
    [TestCase("GET", "/soap/v1/ContactCourse/Ping")]
    [TestCase("GET", "/soap/v1/ContactCourse/GetContactCourse?cpr=0101901234")]
    [TestCase("GET", "/soap/v1/ContactCourse/mex")]
    [TestCase("GET", "/soap/v1/ContactCourse/$metadata")]
    [TestCase("GET", "/soap/v1/ContactCourse/")]
    [TestCase("GET", "/SOAP/V1/CONTACTCOURSE?wsdl")]
    [TestCase("GET", "/soap/v1/ContactCourse?xsd=../../etc/passwd")]
    [TestCase("GET", "/soap/v1/ContactCourse?xsd=ContactCourse.Messages.v1.xsd&wsdl")]
    [TestCase("GET", "/soap/v1/ContactCourse")]
    [TestCase("POST", "/soap/v1/ContactCourse/RegisterInterview")]
    [TestCase("POST", "/soap/v1/ContactCourse/Ping")]
    [TestCase("POST", "/SOAP/v1/ContactCourse")]
    public async Task Request_ToASideRoute_IsNotFoundAndStoresNothing(string method, string path)
    {
        var before = await _gateway.CountAsync("registration");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["cpr"] = "0101901234", ["registration"] = "x" });
        }

        using var response = await _gateway.Http.SendAsync(request);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before));
        });
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task OtherMethod_OnTheServicePath_IsMethodNotAllowed(string method)
    {
        using var response = await _gateway.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Path));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }));
        });
    }

    [Test]
    public async Task RuleFault_FromTheDispatcher_HasTheSameShapeAsPipelineFaults()
    {
        var body = await File.ReadAllTextAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "Host", "Pipeline", "Requests", "register-interview-in-future.xml"));
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post(Path, body));
        var fault = await SoapRequests.ReadFaultAsync(response);
        Assert.That(fault.FieldErrors, Is.EquivalentTo(new[] { ("Registration/Interview/HeldOn", "Date.InFuture") }));
    }

    private async Task AssertRefusedAsync(HttpRequestMessage request, string code)
    {
        var before = await _gateway.CountAsync("registration");
        using (request)
        using (var response = await _gateway.Http.SendAsync(request))
        {
            var fault = await SoapRequests.ReadFaultAsync(response);
            Assert.Multiple(() =>
            {
                Assert.That(fault.Status, Is.EqualTo(500));
                Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/xml"));
                Assert.That(fault.FaultCode, Is.EqualTo("s:Client"));
                Assert.That(fault.Code, Is.EqualTo(code));
                Assert.That(fault.Retryable, Is.False);
                Assert.That(fault.CorrelationId, Is.EqualTo(response.Headers.GetValues("X-Correlation-Id").Single()));
                Assert.That(fault.Raw, Does.Not.Contain("Exception").And.Not.Contain("   at "));
            });
        }

        Assert.That(await _gateway.CountAsync("registration"), Is.EqualTo(before), "nothing may be stored");
    }
}
