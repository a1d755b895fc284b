using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// A loopback TCP listener that accepts every connection, counts it and never answers: the worst address a
/// certificate's AIA or CRL URL can name. Connections are held until the endpoint is disposed.
/// </summary>
public sealed class SilentEndpoint : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public SilentEndpoint()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>An HTTP URL on this endpoint.</summary>
    public Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{path}");

    /// <summary>How many connections were made to it.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                lock (_held)
                {
                    _held.Add(client);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }
}
