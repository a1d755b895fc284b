using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// A stand-in for an OpenTelemetry collector's OTLP/HTTP receiver on loopback: it keeps the body of every export it is
/// sent (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) and answers 200. The bodies are protobuf, in which every
/// string (span names, attribute keys and values) appears as its UTF-8 bytes, so a test can look for text in them.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base address to configure as the OTLP endpoint.</summary>
    public string Address { get; private set; } = "";

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            receiver._received.Enqueue((signal, body.ToArray()));
            return Results.Ok();
        });
        await receiver._app.StartAsync();
        receiver.Address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return receiver;
    }

    /// <summary>The bodies received so far for one signal (<c>traces</c>, <c>metrics</c>).</summary>
    public IReadOnlyList<byte[]> Bodies(string signal) => [.. _received.Where(r => r.Signal == signal).Select(r => r.Body)];

    /// <summary>Everything received so far, each body read as Latin-1 (one character per byte), for text searches.</summary>
    public string AllAsText() => string.Join('\n', _received.Select(r => System.Text.Encoding.Latin1.GetString(r.Body)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
