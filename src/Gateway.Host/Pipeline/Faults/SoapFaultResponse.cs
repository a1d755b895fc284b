using System.Text;
using System.Xml;
using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline.Faults;

/// <summary>Answers a refused request with the documented fault envelope and HTTP 500, before it reaches the dispatcher.</summary>
internal static class SoapFaultResponse
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Async = true };

    public static async Task WriteAsync(HttpContext context, SoapCall call, Refusal refusal, bool logged = false)
    {
        call.Refusal = refusal;
        if (!logged)
        {
            context.RequestServices.GetRequiredService<FaultLog>().Refused(call, refusal, exception: null);
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = $"{call.Version.MediaType}; charset=utf-8";
        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, Settings))
        {
            var env = call.Version.EnvelopeNamespace;
            writer.WriteStartElement("s", "Envelope", env);
            writer.WriteStartElement("s", "Body", env);
            SoapFaultXml.WriteFault(writer, call.Version, refusal, call.CorrelationId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
