using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gateway.Benchmarks.Hosting;

/// <summary>A started web application and the address to call; disposing stops it.</summary>
internal sealed class RunningServer(WebApplication app, Uri endpoint) : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private int _stopped;

    /// <summary>The URL the scenarios call.</summary>
    public Uri Endpoint { get; } = endpoint;

    /// <summary>Starts <paramref name="app"/> (Kestrel on a free loopback port) and disposes it if that fails.</summary>
    public static async Task<RunningServer> StartAsync(WebApplication app, string path, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
            var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
            return new RunningServer(app, new Uri(new Uri(root), path));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server; a second call does nothing, so a run may stop a server before its scope ends.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
