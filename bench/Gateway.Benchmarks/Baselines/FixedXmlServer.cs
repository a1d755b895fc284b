using System.Text;
using Gateway.Benchmarks.Hosting;

namespace Gateway.Benchmarks.Baselines;

/// <summary>Plain Kestrel answering a fixed XML document: the HTTP limit of this machine.</summary>
internal static class FixedXmlServer
{
    /// <summary>The path answering GET and POST.</summary>
    public const string Path = "/fixed";

    // Shaped and sized like the gateway's RegisterInterview response.
    private static readonly byte[] Document = Encoding.UTF8.GetBytes(
        """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><s:Body><RegisterInterviewResponse xmlns="urn:dk:ams:contactcourse:v1"><Receipt><RegistrationId>019ac0d2-6f1e-7c43-9a51-3f0c2b7d8e61</RegistrationId><Version>1</Version><ReceivedAt>2026-11-26T14:24:23.1234567Z</ReceivedAt><Late>false</Late><Warnings /></Receipt></RegisterInterviewResponse></s:Body></s:Envelope>""");

    /// <summary>Starts the server.</summary>
    public static Task<RunningServer> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        app.MapGet(Path, () => Results.Bytes(Document, "text/xml; charset=utf-8"));
        app.MapPost(Path, async (HttpRequest request, CancellationToken aborted) =>
        {
            // Read the request body as a SOAP server must, then answer.
            await request.Body.CopyToAsync(Stream.Null, aborted);
            return Results.Bytes(Document, "text/xml; charset=utf-8");
        });
        return RunningServer.StartAsync(app, Path, cancellationToken);
    }
}
