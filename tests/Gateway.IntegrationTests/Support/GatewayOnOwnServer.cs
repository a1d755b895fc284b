using Gateway.Data.Database;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// A gateway on a PostgreSQL server of its own, in a temporary folder, for tests that stop, crash or freeze the server
/// (<see cref="PostgresFaults"/>): the run's shared server must never be faulted.
/// </summary>
internal sealed class GatewayOnOwnServer : IAsyncDisposable
{
    private readonly string _folder;

    private GatewayOnOwnServer(string folder, EmbeddedPostgres server, TestGateway gateway)
    {
        _folder = folder;
        Server = server;
        Gateway = gateway;
    }

    public EmbeddedPostgres Server { get; }

    public TestGateway Gateway { get; }

    /// <summary>Starts the server (<paramref name="durable"/>: fsync and synchronous commit on, for crash tests) and a gateway on it.</summary>
    public static async Task<GatewayOnOwnServer> StartAsync(bool durable, IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-own-server-" + Guid.NewGuid().ToString("N")[..12]);
        var server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { DataDirectory = folder, Durable = durable }, CancellationToken.None);
        return new GatewayOnOwnServer(folder, server, await TestGateway.StartAsync(settings, connectionString: server.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
