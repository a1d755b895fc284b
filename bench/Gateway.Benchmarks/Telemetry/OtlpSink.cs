using Gateway.Benchmarks.Hosting;

namespace Gateway.Benchmarks.Telemetry;

/// <summary>
/// What an OpenTelemetry collector's OTLP/HTTP receiver costs the gateway when it answers at once: a loopback server that
/// reads every export (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), counts it and its bytes, throws it away and
/// answers 200. The gateway's export is measured, not a collector's processing.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly RunningServer _server;
    private long _exports;
    private long _bytes;

    private OtlpSink(RunningServer server) => _server = server;

    /// <summary>The base address to configure as <c>Gateway:Telemetry:OtlpEndpoint</c>.</summary>
    public string Address => _server.Endpoint.GetLeftPart(UriPartial.Authority);

    /// <summary>The exports received so far, and their bytes.</summary>
    public (long Exports, long Bytes) Received => (Interlocked.Read(ref _exports), Interlocked.Read(ref _bytes));

    public static async Task<OtlpSink> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackHost.CreateBuilder().Build();
        OtlpSink? sink = null;
        app.MapPost("/v1/{signal}", async (HttpRequest request, CancellationToken aborted) =>
        {
            var counting = new CountingStream();
            await request.Body.CopyToAsync(counting, aborted);
            Interlocked.Increment(ref sink!._exports);
            Interlocked.Add(ref sink._bytes, counting.Length);
            return Results.Ok();
        });
        sink = new OtlpSink(await RunningServer.StartAsync(app, "/", cancellationToken));
        return sink;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // Stream.Null that remembers how much was written to it.
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
