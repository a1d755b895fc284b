using Gateway.Domain.Faults;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Faults;
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

        // The correlation id is the gateway's own: a caller's trace header must not choose what operators search logs for.
        var call = new SoapCall(Guid.NewGuid().ToString("N"));
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

        // A declared length over the cap is refused unread; the body itself is read only after identification.
        if (request.ContentLength > _maxBytes)
        {
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.RequestTooLarge));
            return;
        }

        await next(context);
    }

    private static string Unquote(string? value)
    {
        var trimmed = (value ?? "").Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
