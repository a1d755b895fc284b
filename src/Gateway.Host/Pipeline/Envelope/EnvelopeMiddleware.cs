using System.Xml.Linq;
using Gateway.Domain.Faults;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Telemetry;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>
/// The envelope stage, the first to read the body (so nothing is read from a caller who is not identified): the body
/// within the size cap, decoded once (<see cref="MessageText"/>), without a DTD, parsed once within the structural
/// limits (<see cref="EnvelopeReader"/>), a SOAP envelope of the announced version whose header blocks for the gateway
/// demand nothing it does not process, with exactly one operation element in its Body; any action given must name
/// that operation. Every later stage reads the tree parsed here, and the operation is dispatched from it.
/// </summary>
internal sealed class EnvelopeMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, IOptions<EnvelopeLimits> limits, EnvelopeLog log)
{
    /// <summary>The call context header's element name: the one header block the gateway processes.</summary>
    public static readonly XName CallContextName = XName.Get("CallContext", Gateway.Contracts.ContractNamespace.V1);

    private readonly long _maxBytes = options.Value.MaxRequestBytes;
    private readonly EnvelopeLimits _limits = limits.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            await next(context);
            return;
        }

        // The stage's span ends before the later stages run (below), or with an early return.
        using var span = GatewayMetrics.Activities.StartActivity("gateway.envelope");
        call.Deadline?.Pause();
        var body = await RequestBody.ReadAsync(context, _maxBytes, TimeSpan.FromSeconds(_limits.MaxBodySeconds));
        call.RequestBytes = body.Bytes?.Length;
        if (body.CallerGone || body.TooSlow)
        {
            log.BodyNotWhole(call.CorrelationId, body.TooSlow ? $"it was not whole after {_limits.MaxBodySeconds} s; the connection is closed" : "the caller closed or reset the connection");
            // Nothing more is read or written on this connection: Kestrel would otherwise try to drain a body that ended half-way.
            context.Abort();
            return;
        }

        // From here the gateway spends the call's time, not the caller: the deadline counts again.
        call.Deadline?.Renew();
        if (body.UnreadableStatus is { } status)
        {
            log.BodyUnreadable(call.CorrelationId, status);
            context.Response.StatusCode = status;
            context.Response.Headers.Connection = "close";
            return;
        }

        var charsets = Charsets(context.Request);
        var refusal = body.Bytes is not { } bytes ? new Refusal(FaultCodes.RequestTooLarge)
            : charsets.Count > 1 ? new Refusal(FaultCodes.UnsupportedEncoding)
            : Resolve(call, bytes, charsets.Count == 1 ? charsets[0] : null);
        span?.Dispose();
        if (refusal is not null)
        {
            await SoapFaultResponse.WriteAsync(context, call, refusal);
            return;
        }

        await next(context);
    }

    private Refusal? Resolve(SoapCall call, byte[] body, string? charset)
    {
        var decoded = MessageText.Decode(body, charset);
        if (decoded.IsRefused)
        {
            return decoded.Refusal;
        }

        if (XmlProlog.DeclaresDtd(decoded.Value))
        {
            return new Refusal(FaultCodes.DtdNotAllowed);
        }

        var parsed = EnvelopeReader.Read(decoded.Value, _limits);
        if (parsed.IsRefused)
        {
            return parsed.Refusal;
        }

        var root = parsed.Value.Root!;
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
        // Text of its own in the envelope, its header or its body is no part of SOAP (layout whitespace is gone already).
        if (new[] { root }.Concat(parts.Where(p => p.Name == env + "Header" || p.Name == env + "Body")).Any(HasText))
        {
            return new Refusal(FaultCodes.NotSoapEnvelope);
        }

        var soapBody = parts.LastOrDefault();
        var wellFormed = soapBody?.Name == env + "Body"
            && (parts.Count == 1 || (parts.Count == 2 && parts[0].Name == env + "Header"));
        if (!wellFormed)
        {
            return new Refusal(FaultCodes.NotSoapEnvelope);
        }

        if (parts.Count == 2 && HeaderBlocksForGateway(call, parts[0], version) is { } headerRefusal)
        {
            return headerRefusal;
        }

        var payload = soapBody!.Elements().ToList();
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

    // SOAP lets a caller demand that a header block be processed or the message refused; only the call context is.
    private static Refusal? HeaderBlocksForGateway(SoapCall call, XElement header, SoapVersion version)
    {
        var blocks = header.Elements().Where(b => HeaderBlocks.IsForGateway(b, version)).ToList();
        foreach (var block in blocks)
        {
            var demand = HeaderBlocks.DemandOf(block, version);
            if (demand == HeaderBlocks.Demand.Invalid)
            {
                return new Refusal(FaultCodes.HeaderNotUnderstood,
                    [new FieldViolation($"Header/{block.Name.LocalName}", "Header.InvalidMustUnderstand", "mustUnderstand must be 1, 0, true or false.")]);
            }

            if (demand == HeaderBlocks.Demand.MustUnderstand && block.Name != CallContextName)
            {
                return new Refusal(FaultCodes.HeaderNotUnderstood,
                    [new FieldViolation($"Header/{block.Name.LocalName}", "Header.NotUnderstood", "This header block is marked mustUnderstand, and the gateway does not process it.")]);
            }
        }

        call.CallContexts = [.. header.Elements(CallContextName)];
        return null;
    }

    private static bool HasText(XElement element) =>
        element.Nodes().OfType<XText>().Any(t => t.Value.AsSpan().IndexOfAnyExcept(" \t\r\n") >= 0);

    // Every charset parameter, unquoted; an empty one says nothing. Two are one too many: which would a proxy believe?
    private static IReadOnlyList<string> Charsets(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? [.. mediaType.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Value.Value?.Trim('"') ?? "").Where(v => v.Length > 0)]
            : [];
}
