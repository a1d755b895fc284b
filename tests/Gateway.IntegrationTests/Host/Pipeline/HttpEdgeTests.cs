using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Gateway.Contracts;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline;

/// <summary>
/// What arrives at the gateway as HTTP, written as no well-behaved client writes it: other spellings of the path and
/// the method, broken chunking, codings, chunked bodies at the cap. Each is answered as docs/faults.md says.
/// </summary>
[TestFixture]
public sealed class HttpEdgeTests
{
    private const string Path = "/soap/v1/ContactCourse";
    private static readonly string Ping = SoapRequests.Envelope11($"<Ping xmlns=\"{ContractNamespace.V1}\"/>");
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [TestCase("/soap/v1/./ContactCourse", TestName = "Path_WithADotSegment_IsNotFound")]
    [TestCase("/soap/v1/x/../ContactCourse", TestName = "Path_WithADotDotSegment_IsNotFound")]
    [TestCase("/soap/v1/ContactCours%65", TestName = "Path_WithAPercentEncodedLetter_IsNotFound")]
    [TestCase("/%73oap/v1/ContactCourse", TestName = "Path_WithAPercentEncodedFirstLetter_IsNotFound")]
    [TestCase("https://localhost/soap/v1/ContactCourse", TestName = "Path_InAbsoluteForm_IsNotFound")]
    public async Task Path_SpelledOtherwiseOnTheWire_IsNotFound(string target)
    {
        var answer = await RawHttps.SendAsync(_gateway, Post(target, "POST"), Ping, TestGateway.ClientCertificate);
        Assert.That(answer, Does.StartWith("HTTP/1.1 404"));
    }

    [TestCase("/soap/v1/ContactCourse?x=1", TestName = "Post_WithAQuery_IsNotFound")]
    [TestCase("/soap/v1/ContactCourse?wsdl", TestName = "Post_WithTheWsdlQuery_IsNotFound")]
    [TestCase("/soap/v1/ContactCourse?", TestName = "Post_WithAnEmptyQuery_IsNotFound")]
    public async Task Post_WithAQueryString_IsNotFound(string target)
    {
        var answer = await RawHttps.SendAsync(_gateway, Post(target, "POST"), Ping, TestGateway.ClientCertificate);
        Assert.That(answer, Does.StartWith("HTTP/1.1 404"));
    }

    [TestCase("Expect: foo", "HTTP/1.1 417", TestName = "Expect_Unknown_IsExpectationFailed")]
    [TestCase("Expect: 100-continue", "HTTP/1.1 200", TestName = "Expect_HundredContinue_IsServed")]
    public async Task Expect_Header_IsAnsweredAsHttpSays(string header, string answered)
    {
        var answer = await RawHttps.SendAsync(_gateway, Post(Path, "POST", header), Ping, TestGateway.ClientCertificate);
        Assert.That(answer, Does.Contain(answered));
    }

    [Test]
    public async Task TransferEncoding_ChunkedOnTwoLines_IsRefusedAsOnOneLine()
    {
        var head = $"POST {Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\nConnection: close";
        var body = $"{Encoding.UTF8.GetByteCount(Ping):x}\r\n{Ping}\r\n0\r\n\r\n";

        var answer = await RawHttps.SendAsync(_gateway, head, body, TestGateway.ClientCertificate);

        Assert.That(answer, Does.StartWith("HTTP/1.1 500").And.Contain("Client.Request.UnsupportedMediaType"));
    }

    [TestCase("post", TestName = "Method_PostInLowerCase_IsNotAllowed")]
    [TestCase("Post", TestName = "Method_PostCapitalised_IsNotAllowed")]
    public async Task Method_OtherwiseCased_IsNotAllowed(string method)
    {
        var answer = await RawHttps.SendAsync(_gateway, Post(Path, method), Ping, TestGateway.ClientCertificate);
        Assert.That(answer, Does.StartWith("HTTP/1.1 405"));
    }

    [TestCase("?wsdl=", TestName = "Documents_WsdlWithAnEmptyValue_IsNotFound")]
    [TestCase("?WSDL", TestName = "Documents_WsdlInCapitals_IsNotFound")]
    [TestCase("?wsdl&", TestName = "Documents_WsdlWithATrailingAmpersand_IsNotFound")]
    [TestCase("?&wsdl", TestName = "Documents_WsdlAfterAnAmpersand_IsNotFound")]
    [TestCase("?XSD=ContactCourse.Common.v1.xsd", TestName = "Documents_XsdInCapitals_IsNotFound")]
    [TestCase("?xsd=ContactCourse.Common.v1.xsd&x", TestName = "Documents_XsdWithMore_IsNotFound")]
    public async Task Documents_QueryOtherThanPublished_IsNotFound(string query)
    {
        var answer = await RawHttps.SendAsync(_gateway, $"GET {Path}{query} HTTP/1.1\r\nHost: localhost\r\nConnection: close");
        Assert.That(answer, Does.StartWith("HTTP/1.1 404"));
    }

    [TestCase("Content-Encoding: gzip", TestName = "Coding_GzipContentEncoding_IsUnsupportedMediaType")]
    [TestCase("Content-Encoding: identity, gzip", TestName = "Coding_ContentEncodingList_IsUnsupportedMediaType")]
    public async Task Coding_ThatTheGatewayWouldIgnore_IsRefused(string header)
    {
        var answer = await RawHttps.SendAsync(_gateway, Post(Path, "POST", header), Ping, TestGateway.ClientCertificate);
        Assert.That(answer, Does.StartWith("HTTP/1.1 500").And.Contain("<Code>Client.Request.UnsupportedMediaType</Code>"));
    }

    [Test]
    public async Task Action_GivenTwiceInTheSoap12MediaType_IsActionMismatch()
    {
        var body = $"<e:Envelope xmlns:e=\"{SoapRequests.Soap12}\"><e:Header>{Callers.HeaderXml()}</e:Header><e:Body><Ping xmlns=\"{ContractNamespace.V1}\"/></e:Body></e:Envelope>";
        var type = $"application/soap+xml; charset=utf-8; action=\"{ContactCourseActions.Ping}\"; action=\"{ContactCourseActions.RegisterInterview}\"";
        using var request = SoapRequests.Post(Path, body);
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        using var response = await _gateway.Http.SendAsync(request);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<Code>Client.Request.ActionMismatch</Code>"));
    }

    [Test]
    public async Task Body_WithBrokenChunking_IsAnsweredByHttpAndLoggedAsTheCallersDoing()
    {
        var head = $"POST {Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nTransfer-Encoding: chunked";
        var answer = await RawHttps.SendAsync(_gateway, head, "zz\r\n<s:Envelope\r\n0\r\n\r\n", TestGateway.ClientCertificate);

        Assert.Multiple(() =>
        {
            Assert.That(answer, Does.StartWith("HTTP/1.1 400"));
            Assert.That(_gateway.Log.Entries.Any(e => e.EventId.Id == 1101), Is.True, "the envelope stage says what happened");
            Assert.That(_gateway.Log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error), Is.Empty,
                "a client's broken HTTP is no error of the gateway's");
        });
    }

    [TestCase(8 * 1024, TestName = "Chunked_BodyOfExactlyTheCapIn8KibChunks_IsAccepted")]
    [TestCase(1, TestName = "Chunked_BodyInOneByteChunks_IsAccepted")]
    public async Task Chunked_BodyWithinTheCap_IsAccepted(int chunkSize)
    {
        // The cap counts the body's own bytes, not the chunk framing around them.
        var size = chunkSize == 1 ? 200_000 : 1024 * 1024;
        var answer = await RawHttps.SendAsync(_gateway, Chunked(Padded(size), chunkSize), TestGateway.ClientCertificate);
        Assert.That(answer, Does.StartWith("HTTP/1.1 200"));
    }

    [Test]
    public async Task Chunked_BodyOneByteOverTheCap_IsTooLarge()
    {
        var answer = await RawHttps.SendAsync(_gateway, Chunked(Padded((1024 * 1024) + 1), 8 * 1024), TestGateway.ClientCertificate);
        Assert.That(answer, Does.StartWith("HTTP/1.1 500").And.Contain("<Code>Client.Request.TooLarge</Code>"));
    }

    [Test]
    public async Task Alpn_OfferingHttp2_NegotiatesHttp11()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_gateway.BaseAddress.Host, _gateway.BaseAddress.Port);
        await using var tls = await RawHttps.ConnectAsync(tcp, null, [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11]);
        Assert.That(tls.NegotiatedApplicationProtocol, Is.EqualTo(SslApplicationProtocol.Http11));
    }

    private static string Post(string target, string method, string? extraHeader = null) =>
        $"{method} {target} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(Ping)}\r\nConnection: close"
        + (extraHeader is null ? "" : "\r\n" + extraHeader);

    // A Ping of exactly `size` bytes: the envelope, padded with spaces before its end tag.
    private static byte[] Padded(int size)
    {
        var bytes = Encoding.UTF8.GetBytes(Ping);
        var end = Encoding.UTF8.GetBytes("</s:Envelope>");
        var padded = new byte[size];
        Array.Copy(bytes, padded, bytes.Length - end.Length);
        Array.Fill(padded, (byte)' ', bytes.Length - end.Length, size - bytes.Length);
        Array.Copy(end, 0, padded, size - end.Length, end.Length);
        return padded;
    }

    private static byte[] Chunked(byte[] body, int chunkSize)
    {
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes($"POST {Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
        for (var at = 0; at < body.Length; at += chunkSize)
        {
            var length = Math.Min(chunkSize, body.Length - at);
            request.Write(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
            request.Write(body, at, length);
            request.Write("\r\n"u8);
        }

        request.Write("0\r\n\r\n"u8);
        return request.ToArray();
    }
}
