using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using Gateway.Contracts;
using Gateway.Host.Hosting;
using SoapCore;
using SoapCore.Extensibility;

namespace Gateway.Host.Soap;

/// <summary>Registration of the SOAP dispatcher (SoapCore) for the ContactCourse contract.</summary>
internal static class SoapEndpoint
{
    public static IServiceCollection AddGatewaySoap(this IServiceCollection services)
    {
        services.AddSoapCore();
        // Registered after AddSoapCore: the last registration wins, replacing SoapCore's leaky default.
        services.AddSingleton<IFaultExceptionTransformer, GatewayFaultTransformer>();
        services.AddScoped<IContactCourseService, ContactCourseEndpoint>();
        return services;
    }

    /// <summary>The dispatcher. It only ever sees POSTs the pipeline let through, already checked and resolved.</summary>
    public static IApplicationBuilder UseGatewaySoapEndpoint(this IApplicationBuilder app) =>
        app.UseSoapEndpoint<IContactCourseService>(options =>
        {
            options.Path = GatewayOptions.ServicePath;
            options.SoapSerializer = SoapSerializer.XmlSerializer;
            options.EncoderOptions =
            [
                new SoapEncoderOptions { MessageVersion = MessageVersion.Soap11, ReaderQuotas = Quotas },
                new SoapEncoderOptions { MessageVersion = MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), ReaderQuotas = Quotas },
            ];
            // The published WSDL is served by the guard; SoapCore's generated one is never exposed.
            options.HttpGetEnabled = false;
            options.HttpsGetEnabled = false;
            options.IndentXml = false;
        });

    // The body is already capped and schema-valid; these bound what the reader does with it regardless.
    private static readonly XmlDictionaryReaderQuotas Quotas = new()
    {
        MaxDepth = 32,
        MaxStringContentLength = 65536,
        MaxArrayLength = 65536,
        MaxBytesPerRead = 65536,
        MaxNameTableCharCount = 65536,
    };
}
