using Gateway.Domain.Agreements;
using Gateway.Host.Management;
using Gateway.Host.Pipeline.Identify;
using Gateway.RegistrationTool.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Hosting;

/// <summary>
/// The browser registration tool beside the web services (project <c>Gateway.RegistrationTool</c>): its listener is
/// handed the gateway's server certificate, its trust bundle's chain policy and its environment, and its pages the
/// gateway's own operations and stores. It needs HTTPS here: a case worker's certificate is read in the handshake.
/// </summary>
internal static class RegistrationToolSetup
{
    public static IServiceCollection AddGatewayRegistrationTool(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistrationToolOptions>()
            .Bind(configuration.GetSection(RegistrationToolOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegistrationToolOptions>>(new ProblemsNamed());
        services.AddSingleton(sp =>
        {
            var served = sp.GetRequiredService<ServedCertificates>();
            var clients = sp.GetRequiredService<ClientCertificates>();
            var environment = sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Environment ?? GatewayEnvironment.Test;
            return served.Server is { } server
                ? new ToolListener(server, sp.GetRequiredService<TrustBundle>().ChainPolicy,
                    certificate => clients.IsTrusted(certificate, Certificates.CertificateThumbprint.Of(certificate)), environment)
                : throw new GatewayConfigurationException(
                    "Gateway:RegistrationTool:Url is set, but Gateway:Tls:ServerCertificatePath is not: the tool reads case workers' certificates in its own TLS handshake. Set a server certificate, or set Gateway:RegistrationTool:Url to empty.");
        });
        services.AddSingleton<RegistrationToolServer>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistrationToolServer>());
        return services;
    }

    // Each bad setting named with its key, as the other sections' are.
    private sealed class ProblemsNamed : IValidateOptions<RegistrationToolOptions>
    {
        public ValidateOptionsResult Validate(string? name, RegistrationToolOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
