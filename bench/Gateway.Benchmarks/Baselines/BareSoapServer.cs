using System.ServiceModel.Channels;
using Gateway.Benchmarks.Hosting;
using Gateway.Contracts;
using Gateway.Host.Hosting;
using SoapCore;

namespace Gateway.Benchmarks.Baselines;

/// <summary>
/// SoapCore serving the gateway's contract the way the gateway configures it (XmlSerializer, SOAP 1.1, same
/// path), with nothing in front of it.
/// </summary>
internal static class BareSoapServer
{
    /// <summary>
    /// Starts the endpoint with <typeparamref name="TService"/> behind it: over plain HTTP, or with
    /// <paramref name="mutualTls"/> over HTTPS asking for a client certificate as the gateway does (the transport
    /// cost of the access layer, without any of its checks).
    /// </summary>
    public static Task<RunningServer> StartAsync<TService>(Action<IServiceCollection> addDependencies, CancellationToken cancellationToken, BenchCertificates? mutualTls = null)
        where TService : class, IContactCourseService
    {
        var builder = LoopbackHost.CreateBuilder(https: mutualTls is not null);
        if (mutualTls is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = mutualTls.Server;
                https.ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate;
                https.ClientCertificateValidation = static (_, _, _) => true;
            }));
        }

        builder.Services.AddSoapCore();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IContactCourseService, TService>();
        addDependencies(builder.Services);

        var app = builder.Build();
        // Through IApplicationBuilder: with minimal hosting the call is ambiguous (CS0121).
        ((IApplicationBuilder)app).UseSoapEndpoint<IContactCourseService>(options =>
        {
            options.Path = GatewayOptions.ServicePath;
            options.SoapSerializer = SoapSerializer.XmlSerializer;
            options.EncoderOptions = [new SoapEncoderOptions { MessageVersion = MessageVersion.Soap11 }];
            options.IndentXml = false;
        });
        return RunningServer.StartAsync(app, GatewayOptions.ServicePath, cancellationToken);
    }
}
