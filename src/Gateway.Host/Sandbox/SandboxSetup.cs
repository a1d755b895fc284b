using Gateway.Domain.Agreements;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Identify;

namespace Gateway.Host.Sandbox;

/// <summary>
/// Without a connection string the gateway is the sandbox: its certificates stand in for every TLS setting not given,
/// its provisioner makes the database ready to call, and the environment is Test.
/// </summary>
internal static class SandboxSetup
{
    public static WebApplicationBuilder AddGatewaySandbox(this WebApplicationBuilder builder, TlsOptions tls)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[GatewayDatabase.ConnectionStringKey]))
        {
            return builder;
        }

        var data = builder.Configuration.GetSection($"{GatewayOptions.Section}:EmbeddedDatabase").Get<EmbeddedDatabaseOptions>() ?? new EmbeddedDatabaseOptions();
        var sandbox = SandboxCertificates.Ensure(Path.Combine(data.ResolvedDataDirectory, "sandbox"));
        builder.Services.AddSingleton(sandbox);
        builder.Services.AddSingleton<SandboxProvisioner>();
        tls.ServerCertificatePath ??= sandbox.ServerPfx;
        tls.ServerCertificatePassword ??= sandbox.Password;
        tls.ClientCaBundlePath ??= sandbox.CaPem;
        builder.Services.PostConfigure<GatewayOptions>(o => o.Environment ??= GatewayEnvironment.Test);
        return builder;
    }
}
