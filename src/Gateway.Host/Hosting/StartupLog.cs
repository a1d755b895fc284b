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

    /// <summary>Says when the database also holds Active agreements of the other environment: the two then share their data.</summary>
    public void SharedWithOtherEnvironment(Gateway.Domain.Agreements.GatewayEnvironment environment, int otherActive)
    {
        if (otherActive > 0)
        {
            Shared(environment, otherActive, environment == Gateway.Domain.Agreements.GatewayEnvironment.Test ? "Production" : "Test");
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "This {Environment} gateway's database also holds {Count} Active {Other} agreement(s): registrations are not separated by environment, so the agreements of one can read what the other registered (and, in Test, drills can correct it). Run Test and Production as separate installations with separate databases")]
    private partial void Shared(Gateway.Domain.Agreements.GatewayEnvironment environment, int count, string other);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ContactCourse gateway ready.\n  Service: {ServiceUrl}\n  WSDL:    {WsdlUrl}\n  Calls need a registered client certificate and the CallContext header ({FaultCodeCount} fault codes in docs/faults.md)")]
    private partial void Listening(string serviceUrl, string wsdlUrl, int faultCodeCount);
}
