using System.Buffers;
using System.Diagnostics;
using Gateway.Domain.Faults;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Faults;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Host.Pipeline.Guard;

/// <summary>
/// The first stage: only <c>POST {service}</c> and <c>GET {service}?wsdl</c> / <c>?xsd=NAME</c> pass. Every
/// route the dispatcher would add beside the service path (<c>{service}/{operation}</c>, <c>/mex</c>,
/// <c>/$metadata</c>, form posts) is refused here, because SoapCore invokes operations through them without
/// running any message stage. A POST must announce SOAP and stay within the size cap; its body is read whole.
/// </summary>
internal sealed class GuardMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, ContractDocumentsResponder documents)
{
    private readonly long _maxBytes = options.Value.MaxRequestBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(GatewayOptions.ServicePath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        // Exactly the published path, as published: no sub-path, no trailing slash, no other casing.
        if (!string.Equals(request.Path.Value, GatewayOptions.ServicePath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            await documents.RespondAsync(context);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, POST";
            return;
        }

        var call = new SoapCall(Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"));
        context.Features.Set(call);
        context.Response.Headers["X-Correlation-Id"] = call.CorrelationId;

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || SoapVersion.FromMediaType(mediaType.MediaType.Value) is not { } version)
        {
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.UnsupportedMediaType));
            return;
        }

        call.Version = version;
        call.RequestedAction = Unquote(version == SoapVersion.Soap11
            ? request.Headers["SOAPAction"].ToString()
            : mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("action", StringComparison.OrdinalIgnoreCase))?.Value.Value);

        if (request.ContentLength > _maxBytes || await ReadBodyAsync(context, call) is false)
        {
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.RequestTooLarge));
            return;
        }

        await next(context);
    }

    // Reads the body whole, stopping as soon as it passes the cap; chunked bodies have no Content-Length to trust.
    private async Task<bool> ReadBodyAsync(HttpContext context, SoapCall call)
    {
        // Kestrel's own limit would otherwise answer 413 mid-read; this stage owns the limit and its fault.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var writer = new ArrayBufferWriter<byte>((int)Math.Min(context.Request.ContentLength ?? 8192, _maxBytes) + 1);
        var body = context.Request.Body;
        while (true)
        {
            var memory = writer.GetMemory(8192);
            var read = await body.ReadAsync(memory, context.RequestAborted);
            if (read == 0)
            {
                break;
            }

            writer.Advance(read);
            if (writer.WrittenCount > _maxBytes)
            {
                return false;
            }
        }

        call.Body = writer.WrittenSpan.ToArray();
        return true;
    }

    private static string Unquote(string? value)
    {
        var trimmed = (value ?? "").Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
