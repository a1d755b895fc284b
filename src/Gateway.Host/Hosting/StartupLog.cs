using Gateway.Domain.Faults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gateway.Host.Hosting;

/// <summary>What the gateway tells whoever started it: where its database is and how to call it.</summary>
internal sealed partial class StartupLog(ILogger<StartupLog> logger)
{
    public void Migrated(string database, IReadOnlyList<string> applied) =>
        DatabaseReady(database, applied.Count == 0 ? "none pending" : string.Join(", ", applied));

    public void Ready(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var service = address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/') + GatewayOptions.ServicePath;
            Listening(service, service + "?wsdl", FaultCodes.All.Count);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database: {Database}; migrations applied: {Applied}")]
    private partial void DatabaseReady(string database, string applied);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ContactCourse gateway ready.\n  Service: {ServiceUrl}\n  WSDL:    {WsdlUrl}\n  Try:     curl -s {ServiceUrl} -H 'Content-Type: text/xml' --data '<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/></s:Body></s:Envelope>'\n  ({FaultCodeCount} fault codes documented in docs/faults.md)")]
    private partial void Listening(string serviceUrl, string wsdlUrl, int faultCodeCount);
}
