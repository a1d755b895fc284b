using Gateway.Domain.Faults;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Faults;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Host.Pipeline.Guard;

/// <summary>
/// The first stage: only <c>POST {service}</c> and <c>GET {service}?wsdl</c> / <c>?xsd=NAME</c> pass. Every
/// other route under the service path (<c>{service}/{operation}</c>, <c>/mex</c>,
/// <c>/$metadata</c>, form posts) is answered 404 here. A POST must announce SOAP and must not declare a body over the
/// size cap. Nothing of the body is read here: that waits until the caller is identified.
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

        // Exactly the published path, as published: no sub-path, no trailing slash, no other casing, and written so
        // on the wire too. Kestrel decodes %xx and removes dot segments before routing; a proxy in front that allows
        // only the exact path must not be passed by another spelling of it.
        if (!string.Equals(request.Path.Value, GatewayOptions.ServicePath, StringComparison.Ordinal)
            || !string.Equals(RawPath(context), GatewayOptions.ServicePath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // HTTP methods are case-sensitive (RFC 9110 § 9.1): "post" is another method than POST.
        if (string.Equals(request.Method, HttpMethods.Get, StringComparison.Ordinal))
        {
            await documents.RespondAsync(context);
            return;
        }

        if (!string.Equals(request.Method, HttpMethods.Post, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, POST";
            return;
        }

        if (PlainRefusal(context) is { } status)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Connection = "close";
            return;
        }

        // The correlation id is the gateway's own: a caller's trace header must not choose what operators search logs for.
        var call = new SoapCall(Guid.NewGuid().ToString("N"));
        context.Features.Set(call);
        context.Response.Headers["X-Correlation-Id"] = call.CorrelationId;

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || SoapVersion.FromMediaType(mediaType.MediaType.Value) is not { } version
            || !IsPlainBody(request))
        {
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.UnsupportedMediaType));
            return;
        }

        call.Version = version;
        var actions = mediaType.Parameters.Where(p => p.Name.Equals("action", StringComparison.OrdinalIgnoreCase)).ToList();
        if (version == SoapVersion.Soap12 && actions.Count > 1)
        {
            // Two actions are one too many: which would a proxy believe?
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.ActionMismatch));
            return;
        }

        call.RequestedAction = Unquote(version == SoapVersion.Soap11 ? request.Headers["SOAPAction"].ToString() : actions.FirstOrDefault()?.Value.Value);

        // A declared length over the cap is refused unread; the body itself is read only after identification.
        if (request.ContentLength > _maxBytes)
        {
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.RequestTooLarge));
            return;
        }

        await next(context);
    }

    // A POST that HTTP components in front could read otherwise than Kestrel does: a query on the service path (the
    // path "as written" is the whole target), or an expectation other than 100-continue (RFC 9110 § 10.1.1 answers it
    // 417).
    private static int? PlainRefusal(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue || (context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "").Contains('?', StringComparison.Ordinal))
        {
            return StatusCodes.Status404NotFound;
        }

        return request.Headers.Expect.Any(v => !string.Equals(v?.Trim(), "100-continue", StringComparison.OrdinalIgnoreCase))
            ? StatusCodes.Status417ExpectationFailed
            : null;
    }

    // A body is read as it arrives: no content coding, and no transfer coding but chunked, named once. Codings the
    // gateway would ignore are what request smuggling is made of, when a proxy in front reads them differently; two
    // Transfer-Encoding lines are one list (RFC 9110 § 5.3), refused as "chunked, chunked" on one line is.
    private static bool IsPlainBody(HttpRequest request) =>
        request.Headers.ContentEncoding.All(v => string.Equals(v?.Trim(), "identity", StringComparison.OrdinalIgnoreCase))
        && request.Headers.TransferEncoding.Count <= 1
        && request.Headers.TransferEncoding.All(v => string.Equals(v?.Trim(), "chunked", StringComparison.OrdinalIgnoreCase));

    private static string RawPath(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { } raw ? raw.Split('?', 2)[0] : context.Request.Path.Value ?? "";

    private static string Unquote(string? value)
    {
        var trimmed = (value ?? "").Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
