namespace Gateway.Benchmarks.Hosting;

/// <summary>Web applications for the benchmark: Kestrel on a free 127.0.0.1 port, logging at Warning.</summary>
internal static class LoopbackHost
{
    /// <summary>
    /// A builder as <c>Program.cs</c> makes one, with settings that keep the run private and quiet; over HTTPS when
    /// <paramref name="https"/> is true (the listener's certificate is then configured by the caller).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? settings = null, bool https = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // Added last, so these win over appsettings.json and environment variables.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Per-request logging at Information costs a factor of four (engineering notes); the product runs at Warning.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:SoapCore"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Port 0: Kestrel picks a free port and reports it once started (RunningServer reads it).
        builder.WebHost.UseUrls(https ? "https://127.0.0.1:0" : "http://127.0.0.1:0");
        return builder;
    }

    /// <summary>A 127.0.0.1 port that was free a moment ago, for a listener whose address the run must know before it starts.</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
