using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gateway.Contracts;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Host.Pipeline;

/// <summary>
/// What the gateway gives away before anyone is identified: no body is read, no banner is sent, and the correlation id
/// is its own, not one a caller chose.
/// </summary>
[TestFixture]
public sealed class ExposureTests
{
    private const string Path = "/soap/v1/ContactCourse";
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await TestGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [TestCase(true)]
    [TestCase(false)]
    public async Task CorrelationId_WhenTheCallerSendsATraceparent_IsTheGatewaysOwn(bool withCertificate)
    {
        const string callerTrace = "0af7651916cd43dd8448eb211c80319c";
        using var http = _gateway.CreateHttp(withCertificate ? TestGateway.ClientCertificate : null);
        var request = SoapRequests.Post(Path, SoapRequests.Envelope11($"<Ping xmlns=\"{ContractNamespace.V1}\"/>"));
        request.Headers.Add("traceparent", $"00-{callerTrace}-b7ad6b7169203331-01");

        using var response = await http.SendAsync(request);
        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();

        Assert.Multiple(async () =>
        {
            Assert.That(correlationId, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(correlationId, Is.Not.EqualTo(callerTrace));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(callerTrace));
        });
    }

    [TestCase("POST", Path)]
    [TestCase("GET", Path + "?wsdl")]
    [TestCase("GET", "/")]
    [TestCase("GET", Path + "/mex")]
    public async Task Answer_ToAnyRequest_HasNoServerBanner(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await _gateway.Http.SendAsync(request);
        Assert.That(response.Headers.Contains("Server"), Is.False);
    }

    [Test]
    public async Task Caller_Unidentified_IsRefusedBeforeItsBodyArrives()
    {
        // The request announces a megabyte and sends ten bytes of it. A gateway that read the body before checking the
        // certificate would wait for the rest; this one answers at once. (The bound only ends a broken run.)
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_gateway.BaseAddress.Host, _gateway.BaseAddress.Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, server, _, _) => TestPki.TrustsServer(server as X509Certificate2));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", ApplicationProtocols = [SslApplicationProtocol.Http11] });
        var head = $"POST {Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: 1000000\r\n\r\n<s:Envelo";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(head));
        await tls.FlushAsync();

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains("</s:Envelope>", StringComparison.Ordinal))
        {
            var read = await tls.ReadAsync(buffer, bound.Token);
            if (read == 0)
            {
                break;
            }

            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.Multiple(() =>
        {
            Assert.That(answer.ToString(), Does.StartWith("HTTP/1.1 500"));
            Assert.That(answer.ToString(), Does.Contain("<Code>Client.Authentication.CertificateRequired</Code>"));
        });
    }

    [Test]
    public async Task Request_WithTensOfThousandsOfNamespaceDeclarations_IsRefusedAsLimitExceeded()
    {
        var declarations = string.Concat(Enumerable.Range(0, 30_000).Select(i => $" xmlns:p{i}=\"urn:x:{i}\""));
        var body = $"<s:Envelope xmlns:s=\"{SoapRequests.Soap11}\"{declarations}><s:Header>{Callers.HeaderXml()}</s:Header><s:Body><Ping xmlns=\"{ContractNamespace.V1}\"/></s:Body></s:Envelope>";
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post(Path, body));
        var fault = await SoapRequests.ReadFaultAsync(response);
        Assert.That(fault.Code, Is.EqualTo("Client.Request.LimitExceeded"));
    }

    // Shapes whose cost grew with the square of their size when text and layout whitespace were kept node by node: an
    // ignored header block of a megabyte must be answered like any other message. Linear, each takes a fraction of a
    // second; quadratic, they took 6 s (CDATA), 15 s (comments) and over a minute (whitespace) on this machine. The
    // 5-second bound is that gap, fifty times over the linear cost: a liveness bound, not a speed figure.
    [TestCase("<a/> ", TestName = "ParsingCost_WhitespaceBetweenManySiblings_IsLinear")]
    [TestCase("a<!---->", TestName = "ParsingCost_TextSplitByManyComments_IsLinear")]
    [TestCase("<![CDATA[a]]>", TestName = "ParsingCost_TextSplitByManyCdataSections_IsLinear")]
    public async Task ParsingCost_MegabyteOfSmallPieces_IsAnsweredWithinTheBound(string piece)
    {
        var filler = string.Concat(Enumerable.Repeat(piece, (1000 * 1000) / piece.Length));
        var body = SoapRequests.Envelope11($"<Ping xmlns=\"{ContractNamespace.V1}\"/>")
            .Replace("</s:Header>", $"<x xmlns=\"urn:ignored\">{filler}</x></s:Header>", StringComparison.Ordinal);
        using var http = _gateway.CreateHttp(TestGateway.ClientCertificate);
        http.Timeout = TimeSpan.FromSeconds(5);

        using var response = await http.SendAsync(SoapRequests.Post(Path, body));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }
}
