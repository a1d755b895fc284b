using System.Xml;
using System.Xml.Linq;
using Gateway.Domain.Faults;
using Gateway.Host.Access;
using Gateway.Host.Pipeline.Faults;
using Microsoft.Net.Http.Headers;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>
/// The second stage: the body must be well-formed XML without a DTD, a SOAP envelope of the announced version
/// with exactly one operation element in its Body, and any SOAPAction given must name that same operation.
/// The operation is resolved exactly here; the dispatcher is then handed the exact action, so its own
/// substring matching of actions never decides anything.
/// </summary>
internal sealed class EnvelopeMiddleware(RequestDelegate next)
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreProcessingInstructions = true,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            await next(context);
            return;
        }

        if (Resolve(call) is { } refusal)
        {
            await SoapFaultResponse.WriteAsync(context, call, refusal);
            return;
        }

        HandOver(context.Request, call);
        await next(context);
    }

    private static Refusal? Resolve(SoapCall call)
    {
        if (XmlProlog.DeclaresDtd(call.Body))
        {
            return new Refusal(FaultCodes.DtdNotAllowed);
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(call.Body, writable: false), ReaderSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return new Refusal(FaultCodes.MalformedXml);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "Envelope" || SoapVersion.FromEnvelopeNamespace(root.Name.NamespaceName) is not { } version)
        {
            return new Refusal(FaultCodes.NotSoapEnvelope);
        }

        if (version != call.Version)
        {
            return new Refusal(FaultCodes.EnvelopeVersionMismatch);
        }

        var env = XNamespace.Get(version.EnvelopeNamespace);
        var parts = root.Elements().ToList();
        var body = parts.LastOrDefault();
        var wellFormed = body?.Name == env + "Body"
            && (parts.Count == 1 || (parts.Count == 2 && parts[0].Name == env + "Header"));
        if (!wellFormed)
        {
            return new Refusal(FaultCodes.NotSoapEnvelope);
        }

        call.Header = parts.Count == 2 ? parts[0] : null;
        // SOAP lets a caller demand that a header be processed or the message refused; only the call context is.
        if (call.Header?.Elements().FirstOrDefault(h => h.Name != AuthorizeMiddleware.HeaderName && MustUnderstand(h, env)) is { } demanded)
        {
            return new Refusal(FaultCodes.HeaderNotUnderstood,
                [new FieldViolation($"Header/{demanded.Name.LocalName}", "Header.NotUnderstood", $"The header {{{demanded.Name.NamespaceName}}}{demanded.Name.LocalName} is not processed by this gateway.")]);
        }

        var payload = body!.Elements().ToList();
        if (payload.Count == 0 || ServiceOperation.ForRequestElement(payload[0].Name) is not { } operation)
        {
            return new Refusal(FaultCodes.UnknownOperation);
        }

        call.Payload = payload[0];
        call.Operation = operation;
        if (payload.Count > 1)
        {
            return new Refusal(FaultCodes.SchemaViolation,
                [new FieldViolation("Body", "Schema.OneOperationElement", "The SOAP Body must hold exactly one operation element.")]);
        }

        return call.RequestedAction.Length > 0 && call.RequestedAction != operation.Action
            ? new Refusal(FaultCodes.ActionMismatch)
            : null;
    }

    private static bool MustUnderstand(XElement header, XNamespace env) =>
        (string?)header.Attribute(env + "mustUnderstand") is "1" or "true";

    // The dispatcher reads the body again, and finds its operation by the action it is given.
    private static void HandOver(HttpRequest request, SoapCall call)
    {
        var action = call.Operation!.Action;
        if (call.Version == SoapVersion.Soap11)
        {
            request.Headers["SOAPAction"] = $"\"{action}\"";
        }
        else
        {
            // SOAP 1.2 carries its action in the media type; a SOAPAction header is meaningless there, but SoapCore
            // would still prefer it, so it goes.
            request.Headers.Remove("SOAPAction");
            var mediaType = MediaTypeHeaderValue.Parse(request.ContentType);
            var parameters = mediaType.Parameters.Where(p => !p.Name.Equals("action", StringComparison.OrdinalIgnoreCase)).ToList();
            parameters.Add(new NameValueHeaderValue("action", $"\"{action}\""));
            mediaType.Parameters.Clear();
            foreach (var parameter in parameters)
            {
                mediaType.Parameters.Add(parameter);
            }

            request.ContentType = mediaType.ToString();
        }

        request.Body = new MemoryStream(call.Body, writable: false);
        request.ContentLength = call.Body.Length;
    }
}
