using System.Text;
using System.Xml;

namespace Gateway.Host.Pipeline;

/// <summary>
/// Writes every SOAP answer of the gateway, success or fault: one envelope of the call's SOAP version, in UTF-8 and
/// labelled so (<c>text/xml; charset=utf-8</c> or <c>application/soap+xml; charset=utf-8</c>), whatever the request's
/// media type carried. Line breaks in text are written as character references, so a carriage return comes back
/// exactly as it was stored instead of being normalised away by the caller's parser.
/// </summary>
internal static class SoapResponse
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary>Answers with status <paramref name="status"/> and an envelope whose Body holds what <paramref name="writeBody"/> writes.</summary>
    public static async Task WriteAsync(HttpContext context, SoapVersion version, int status, Action<XmlWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartElement("s", "Envelope", version.EnvelopeNamespace);
            writer.WriteStartElement("s", "Body", version.EnvelopeNamespace);
            writeBody(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = $"{version.MediaType}; charset=utf-8";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
