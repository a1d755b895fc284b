using Gateway.Domain.Faults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gateway.Host.Hosting;

/// <summary>What the gateway tells whoever started it: where its database is and how to call it.</summary>
internal sealed partial class StartupLog(ILogger<StartupLog> logger)
{
    public void Migrated(string database, Gateway.Domain.Agreements.GatewayEnvironment? environment, IReadOnlyList<string> applied) =>
        DatabaseReady(database, environment, applied.Count, applied);

    /// <summary>The service URL on each address the server listens on, with wildcard hosts shown as localhost.</summary>
    public static IReadOnlyList<string> ServiceUrls(WebApplication app) =>
        [.. (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/') + GatewayOptions.ServicePath)];

    public void Ready(IReadOnlyList<string> serviceUrls)
    {
        foreach (var service in serviceUrls)
        {
            Listening(service, service + "?wsdl", FaultCodes.All.Count);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database: {Database}; environment: {Environment}; {AppliedCount} migrations applied now: {Applied}")]
    private partial void DatabaseReady(string database, Gateway.Domain.Agreements.GatewayEnvironment? environment, int appliedCount, IReadOnlyList<string> applied);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ContactCourse gateway ready.\n  Service: {ServiceUrl}\n  WSDL:    {WsdlUrl}\n  Calls need a registered client certificate and the CallContext header ({FaultCodeCount} fault codes in docs/faults.md)")]
    private partial void Listening(string serviceUrl, string wsdlUrl, int faultCodeCount);
}
