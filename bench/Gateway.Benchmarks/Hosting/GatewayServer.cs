using Gateway.Host.Hosting;
using Npgsql;

namespace Gateway.Benchmarks.Hosting;

/// <summary>The real gateway, in-process, composed as <c>Program.cs</c> composes it.</summary>
internal static class GatewayServer
{
    /// <summary>Starts the gateway on the given database.</summary>
    public static async Task<RunningServer> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = LoopbackHost.CreateBuilder(new Dictionary<string, string?>
        {
            // The product limits its embedded database to 16 connections (GatewayDatabase); do the same here.
            ["ConnectionStrings:Gateway"] = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 16 }.ConnectionString,
        });
        builder.AddGateway();

        var app = builder.Build();
        try
        {
            app.UseGateway();
            await app.PrepareGatewayAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return await RunningServer.StartAsync(app, GatewayOptions.ServicePath, cancellationToken);
    }
}
