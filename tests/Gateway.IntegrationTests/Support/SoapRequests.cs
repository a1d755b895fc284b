using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Gateway.Contracts;

namespace Gateway.IntegrationTests.Support;

/// <summary>Raw SOAP over HTTP, for what a WCF client cannot send, and reading the fault that comes back.</summary>
public static class SoapRequests
{
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Contract = ContractNamespace.V1;

    /// <summary>A SOAP 1.1 envelope with the call context header of <paramref name="caller"/> (none when null).</summary>
    public static string Envelope11(string body, As? caller = As.Municipality) =>
        $"<s:Envelope xmlns:s=\"{Soap11}\">{(caller is { } c ? $"<s:Header>{Callers.HeaderXml(c)}</s:Header>" : "")}<s:Body>{body}</s:Body></s:Envelope>";

    public static HttpRequestMessage Post(string path, string content, string mediaType = "text/xml", string? soapAction = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(content, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"{mediaType}; charset=utf-8");
        if (soapAction is not null)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        }

        return request;
    }

    /// <summary>The fault a response carries, parsed and checked for the documented shape (SOAP 1.1).</summary>
    public static async Task<Fault> ReadFaultAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var document = XDocument.Parse(text);
        var fault = document.Root!.Element(Soap11 + "Body")!.Element(Soap11 + "Fault")
            ?? throw new AssertionException("The response is not a SOAP 1.1 fault: " + text);
        var detail = fault.Element("detail")!.Element(Contract + "GatewayFault")!;
        return new Fault(
            (int)response.StatusCode,
            fault.Element("faultcode")!.Value,
            fault.Element("faultstring")!.Value,
            detail.Element(Contract + "Code")!.Value,
            detail.Element(Contract + "CorrelationId")!.Value,
            bool.Parse(detail.Element(Contract + "Retryable")!.Value),
            [.. detail.Descendants(Contract + "FieldError").Select(e => (e.Element(Contract + "Field")!.Value, e.Element(Contract + "Code")!.Value))],
            text);
    }

    public sealed record Fault(
        int Status, string FaultCode, string FaultString, string Code, string CorrelationId, bool Retryable,
        IReadOnlyList<(string Field, string Code)> FieldErrors, string Raw);
}
