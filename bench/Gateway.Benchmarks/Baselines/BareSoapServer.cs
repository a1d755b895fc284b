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
    /// <summary>Starts the endpoint with <typeparamref name="TService"/> behind it.</summary>
    public static Task<RunningServer> StartAsync<TService>(Action<IServiceCollection> addDependencies, CancellationToken cancellationToken)
        where TService : class, IContactCourseService
    {
        var builder = LoopbackHost.CreateBuilder();
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
