using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Data.Agreements;
using Gateway.Data.Conformance;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Identify;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Conformance;

/// <summary>
/// The partner's own view of its conformance, without an operator, in the Test environment only:
/// <c>GET /conformance/v1/status</c> answers where the calling IT system stands (JSON, as
/// <c>gatewayctl conformance status --json</c>), and <c>PUT /conformance/v1/drills</c> with the body <c>on</c> or
/// <c>off</c> switches its drills. The caller is identified by its client certificate exactly as a SOAP call is, and
/// sees and switches only its own IT system. A Production gateway answers 404 for the whole path.
/// </summary>
internal sealed partial class PartnerConformanceEndpoint(
    RequestDelegate next, CallerIdentity identity, ConformanceStanding standing, ConformanceStore store, ItSystemStore systems, IOptions<GatewayOptions> options,
    ILogger<PartnerConformanceEndpoint> logger)
{
    /// <summary>The path under which the endpoint answers.</summary>
    public const string BasePath = "/conformance/v1";

    private const int MaxSwitchBytes = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly bool _test = options.Value.Environment == GatewayEnvironment.Test;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var resource = path.Value switch
        {
            BasePath + "/status" => "status",
            BasePath + "/drills" => "drills",
            _ => null,
        };
        if (!_test || resource is null || context.Request.QueryString.HasValue)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var method = context.Request.Method;
        if (!string.Equals(method, resource == "status" ? HttpMethods.Get : HttpMethods.Put, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = resource == "status" ? "GET" : "PUT";
            return;
        }

        try
        {
            await AnswerAsync(context, resource);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // As on the SOAP path: a coded refusal (the store unavailable) keeps its code, anything else is Server.Internal,
            // logged with the exception; the caller gets the code and the text, never the exception.
            var refusal = ex is GatewayException coded ? coded.Refusal : new Refusal(FaultCodes.Internal);
            Failed(logger, refusal.Code.Value, ex);
            await RefuseAsync(context, refusal.Code.Retryable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError, refusal.Code.Value, refusal.Text);
        }
    }

    private async Task AnswerAsync(HttpContext context, string resource)
    {
        var identified = await identity.IdentifyAsync(context);
        if (identified.IsRefused)
        {
            await RefuseAsync(context, identified.Refusal.Code.Value == FaultCodes.CertificateRequired.Value ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, identified.Refusal.Code.Value, identified.Refusal.Text);
            return;
        }

        var system = identified.Value;
        var cancellationToken = context.RequestAborted;
        if (resource == "drills")
        {
            if (await ReadSwitchAsync(context) is not { } on)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "Client.Request.DrillSwitch", "Send the body on or off, as text/plain.");
                return;
            }

            // Recorded when it changes something: a partner repeating the same switch adds no row.
            if (await store.DrillsOnAsync(system, cancellationToken) != on)
            {
                await store.SwitchDrillsAsync(system, on, $"it-system:{system}", "Switched by the IT system itself (PUT /conformance/v1/drills).", cancellationToken);
            }
        }

        var name = (await systems.FindItSystemAsync(system, cancellationToken))!.Name;
        await WriteAsync(context, StatusCodes.Status200OK, await standing.StatusAsync(system, name, cancellationToken));
    }

    // The body is "on" or "off" in text/plain, optionally followed by a line break (as curl --data-binary @file sends it).
    private static async Task<bool?> ReadSwitchAsync(HttpContext context)
    {
        if (context.Request.ContentLength is > MaxSwitchBytes
            || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var buffer = new byte[MaxSwitchBytes + 1];
        var length = 0;
        int read;
        while (length <= MaxSwitchBytes && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
        {
            length += read;
        }

        return length > MaxSwitchBytes ? null : System.Text.Encoding.ASCII.GetString(buffer, 0, length).TrimEnd('\r', '\n') switch
        {
            "on" => true,
            "off" => false,
            _ => null,
        };
    }

    private static Task RefuseAsync(HttpContext context, int status, string code, string text) =>
        WriteAsync(context, status, new { code, text });

    private static async Task WriteAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Json, context.RequestAborted);
    }

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "A conformance read or drill switch failed: {FaultCode}")]
    private static partial void Failed(ILogger logger, string faultCode, Exception exception);
}
