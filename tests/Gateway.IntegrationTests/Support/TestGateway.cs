using System.ServiceModel;
using System.ServiceModel.Channels;
using Gateway.Contracts;
using Gateway.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The real gateway, composed exactly as Program.cs does, listening with Kestrel on a loopback port over real
/// HTTP, on its own fresh database. Its log is captured for assertions.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGateway(WebApplication app, string connectionString, CapturedLog log)
    {
        _app = app;
        ConnectionString = connectionString;
        Log = log;
        BaseAddress = new Uri(app.Urls.Single());
        ServiceUrl = new Uri(BaseAddress, GatewayOptions.ServicePath);
        Http = new HttpClient { BaseAddress = BaseAddress };
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public Uri BaseAddress { get; }

    public Uri ServiceUrl { get; }

    public string ConnectionString { get; }

    public CapturedLog Log { get; }

    /// <summary>Plain HTTP, for what a WCF client cannot send.</summary>
    public HttpClient Http { get; }

    /// <summary>Direct access to the gateway's database, for asserting what was (not) stored.</summary>
    public NpgsqlDataSource DataSource { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a gateway on a fresh database; <paramref name="settings"/> override configuration.</summary>
    public static async Task<TestGateway> StartAsync(IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        connectionString ??= await TestDatabase.CreateDatabaseAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [GatewayDatabase.ConnectionStringKey] = connectionString,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var log = new CapturedLog();
        builder.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddGateway();

        var app = builder.Build();
        app.UseGateway();
        await app.PrepareGatewayAsync();
        await app.StartAsync();
        return new TestGateway(app, connectionString, log);
    }

    /// <summary>A WCF client of the published contract over SOAP 1.1 (BasicHttpBinding), as a .NET case system would use.</summary>
    public ChannelFactory<IContactCourseService> CreateSoap11Factory() =>
        new(new BasicHttpBinding { MaxReceivedMessageSize = 4 * 1024 * 1024 }, new EndpointAddress(ServiceUrl));

    /// <summary>A WCF client over SOAP 1.2 without WS-Addressing.</summary>
    public ChannelFactory<IContactCourseService> CreateSoap12Factory()
    {
        var binding = new CustomBinding(
            new TextMessageEncodingBindingElement(MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), System.Text.Encoding.UTF8),
            new HttpTransportBindingElement { MaxReceivedMessageSize = 4 * 1024 * 1024 });
        return new ChannelFactory<IContactCourseService>(binding, new EndpointAddress(ServiceUrl));
    }

    /// <summary>Counts the rows of a table in the gateway's database.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var command = DataSource.CreateCommand($"select count(*) from {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await DataSource.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
