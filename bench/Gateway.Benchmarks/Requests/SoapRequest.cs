namespace Gateway.Benchmarks.Requests;

/// <summary>HTTP requests as a SOAP 1.1 client sends them.</summary>
internal static class SoapRequest
{
    public static HttpRequestMessage Post(Uri endpoint, string action, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "text/xml; charset=utf-8");
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
        return request;
    }
}
