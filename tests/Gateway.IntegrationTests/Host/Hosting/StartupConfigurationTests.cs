using Gateway.Host.Hosting;
using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Gateway.IntegrationTests.Host.Hosting;

/// <summary>A setting the gateway cannot work with stops it at start-up with a message naming the key (Program prints it and exits 1).</summary>
[TestFixture]
public sealed class StartupConfigurationTests
{
    [TestCase("Gateway:Environment", "Staging", "Gateway:Environment")]
    [TestCase("Gateway:Tls:ForwardedCertificate:KnownProxies:0", "proxy.example.dk", "Gateway:Tls:ForwardedCertificate:KnownProxies")]
    [TestCase("Gateway:Tls:ServerCertificatePassword", "wrong", "Gateway:Tls:ServerCertificatePassword")]
    [TestCase("Gateway:Tls:ServerCertificatePath", "/nonexistent/server.pfx", "Gateway:Tls:ServerCertificatePath")]
    [TestCase("Gateway:Tls:ClientCaBundlePath", "/nonexistent/ca.pem", "Gateway:Tls:ClientCaBundlePath")]
    public void AddGateway_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [GatewayDatabase.ConnectionStringKey] = "Host=127.0.0.1;Port=1;Database=unused",
            ["Gateway:Environment"] = "Test",
            ["Gateway:Tls:ServerCertificatePath"] = TestPki.ServerPfx,
            ["Gateway:Tls:ServerCertificatePassword"] = TestPki.Password,
            ["Gateway:Tls:ClientCaBundlePath"] = TestPki.CaPem,
            [key] = value,
        });

        var error = Assert.Throws<GatewayConfigurationException>(() => builder.AddGateway())!;

        Assert.That(error.Message, Does.Contain(named));
    }

    [Test]
    public void Appsettings_DefaultLogLevels_KeepTheDatabaseClientQuiet()
    {
        // The data source logs through the host's logging: Npgsql at Information writes a line for every statement.
        var settings = new ConfigurationBuilder().AddJsonFile(Repository.PathOf("src", "Gateway.Host", "appsettings.json")).Build();
        Assert.Multiple(() =>
        {
            Assert.That(settings["Logging:LogLevel:Npgsql"], Is.EqualTo("Warning"));
            Assert.That(settings["Logging:LogLevel:Microsoft.AspNetCore"], Is.EqualTo("Warning"));
        });
    }
}
