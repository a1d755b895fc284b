using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.Contracts;
using Gateway.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Pipeline.Guard;

/// <summary>
/// Serves the published WSDL (<c>?wsdl</c>) and XSDs (<c>?xsd=NAME</c>) exactly as checked in, with two
/// substitutions so that tools can follow them: the service address names the gateway as it was asked (or
/// <see cref="GatewayOptions.PublicBaseUrl"/>), and each <c>schemaLocation</c> file name becomes its <c>?xsd=</c> URL.
/// Nothing but the published documents can be served: names are looked up, never used as paths.
/// </summary>
internal sealed partial class ContractDocumentsResponder(IOptions<GatewayOptions> options)
{
    /// <summary>The address the checked-in WSDL carries, replaced when served.</summary>
    public const string PublishedAddress = "https://localhost" + GatewayOptions.ServicePath;

    public async Task RespondAsync(HttpContext context)
    {
        // The query exactly as published, compared as sent: ?wsdl, or ?xsd= and a published file name.
        var query = context.Request.QueryString.Value ?? "";
        var serviceUrl = ServiceUrl(context.Request);
        string? document = null;
        if (string.Equals(query, "?wsdl", StringComparison.Ordinal))
        {
            document = Publish(ContractDocuments.Wsdl, serviceUrl);
        }
        else if (query.StartsWith("?xsd=", StringComparison.Ordinal) && ContractDocuments.Schema(query["?xsd=".Length..]) is { } schema)
        {
            document = Publish(schema, serviceUrl);
        }

        if (document is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(document, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>The document as served for a service at <paramref name="serviceUrl"/>.</summary>
    public static string Publish(string document, string serviceUrl)
    {
        var escaped = SecurityElement.Escape(serviceUrl);
        var withAddress = document.Replace($"location=\"{PublishedAddress}\"", $"location=\"{escaped}\"", StringComparison.Ordinal);
        return SchemaLocation().Replace(withAddress, m => $"schemaLocation=\"{escaped}?xsd={m.Groups[1].Value}\"");
    }

    private string ServiceUrl(HttpRequest request) =>
        options.Value.PublicBaseUrl is { } baseUrl
            ? baseUrl.ToString().TrimEnd('/') + GatewayOptions.ServicePath
            : $"{request.Scheme}://{request.Host}{request.PathBase}{GatewayOptions.ServicePath}";

    [GeneratedRegex("schemaLocation=\"([A-Za-z0-9.]+\\.xsd)\"")]
    private static partial Regex SchemaLocation();
}
