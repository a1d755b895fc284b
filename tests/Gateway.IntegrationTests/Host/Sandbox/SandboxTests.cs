using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gateway.Certificates;
using Gateway.Cli;
using Gateway.Conformance;
using Gateway.Host.Hosting;
using Gateway.Host.Sandbox;
using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Host.Sandbox;

/// <summary>
/// The configuration-free start: an embedded PostgreSQL, a Test sandbox with its own CA, certificates and Active
/// agreement, and a sandbox.json from which a partner makes a first authenticated call: the docs' samples as they stand,
/// and the conformance kit as the README runs it.
/// </summary>
[TestFixture]
public sealed class SandboxTests
{
    [Test]
    public async Task FreshSandbox_DocumentedSamplesWithTheSandboxCertificate_Succeed()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-sandbox-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using var app = await StartSandboxAsync(folder);

            using var description = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "sandbox", "sandbox.json")));
            var root = description.RootElement;
            Assert.That(root.GetProperty("agreementId").GetGuid(), Is.EqualTo(SandboxIdentity.AgreementId));
            Assert.That(root.GetProperty("actingAuthority").GetProperty("code").GetString(), Is.EqualTo("999"));

            using var ca = X509CertificateLoader.LoadCertificateFromFile(root.GetProperty("caCertificate").GetString()!);
            using var client = CertificateFiles.LoadPfx(
                root.GetProperty("clientCertificate").GetProperty("pfx").GetString()!, root.GetProperty("clientCertificate").GetProperty("pfxPassword").GetString());
            using var http = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    ClientCertificates = [client],
                    RemoteCertificateValidationCallback = (_, server, _, _) => Chains(server as X509Certificate2, ca),
                },
            });
            var endpoint = root.GetProperty("endpoint").GetString()!;
            // Every sample in the order integration.md walks through them; those about one registration get the id
            // of the one RegisterInterview.xml stored, in place of their placeholder, as a partner would put it.
            var registrationId = "00000000-0000-0000-0000-000000000000";
            foreach (var sample in new[] { "Ping", "RegisterInterview", "GetContactCourse", "CorrectInterview", "GetInterview", "ListRegistrations", "CancelInterview" })
            {
                var body = (await File.ReadAllTextAsync(Repository.PathOf("docs", "samples", sample + ".xml")))
                    .Replace("00000000-0000-0000-0000-000000000000", registrationId, StringComparison.Ordinal);
                using var response = await http.SendAsync(SoapRequests.Post(endpoint, body));
                var answer = await response.Content.ReadAsStringAsync();
                Assert.That(answer, Does.Contain($"<{sample}Response"), sample);
                if (sample == "RegisterInterview")
                {
                    registrationId = System.Text.RegularExpressions.Regex.Match(answer, "<RegistrationId>([^<]+)</RegistrationId>").Groups[1].Value;
                }
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public async Task FreshSandbox_TheConformanceKit_PassesEveryScenarioAndGatewayctlShowsTheSystemCertified()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-sandbox-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using var app = await StartSandboxAsync(folder);
            var description = Path.Combine(folder, "sandbox", "sandbox.json");
            var output = new StringWriter();

            var kit = await ConformanceKit.RunAsync(["run", "--sandbox", description, "--junit", Path.Combine(folder, "junit.xml")], output, output, CancellationToken.None);

            var system = JsonDocument.Parse(await File.ReadAllTextAsync(description)).RootElement.GetProperty("itSystemId").GetString()!;
            var status = new StringWriter();
            var gatewayctl = await Gatewayctl.RunAsync(
                ["--connection-string", (await File.ReadAllTextAsync(Path.Combine(folder, "connection-string"))).Trim(), "conformance", "status", system], status, status);
            Assert.Multiple(() =>
            {
                Assert.That(kit, Is.Zero, output.ToString);
                Assert.That(output.ToString(), Does.Contain("Certified: every required scenario is passed."));
                Assert.That(File.Exists(Path.Combine(folder, "junit.xml")), Is.True);
                Assert.That(gatewayctl, Is.Zero, status.ToString);
                Assert.That(status.ToString(), Does.Contain("(Sandbox case system), conformance catalogue 1 (contract 1.3): certified"));
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Test]
    public async Task GatewayctlCaIssueClient_FromTheSandboxsCaFolder_IssuesACertificateThatChainsToTheSandboxCa()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-sandbox-ca-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var sandbox = SandboxCertificates.Ensure(Path.Combine(folder, "sandbox"));
            var output = new StringWriter();

            var exit = await Gatewayctl.RunAsync(["ca", "issue-client", "--ca", sandbox.Folder, "--name", "Anden sagsbehandler", "--out", Path.Combine(folder, "issued")], output, output);

            Assert.That(exit, Is.Zero, output.ToString);
            using var ca = X509CertificateLoader.LoadCertificateFromFile(sandbox.CaPem);
            using var issued = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, "issued", "client.pem"));
            Assert.That(Chains(issued, ca), Is.True, "issued by the sandbox's own CA, which the sandbox gateway trusts");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // The gateway as `dotnet run --project src/Gateway.Host` starts it with no configuration, in its own data folder.
    private static async Task<WebApplication> StartSandboxAsync(string folder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:EmbeddedDatabase:DataDirectory"] = folder, ["Gateway:Management:Url"] = "http://127.0.0.1:0", ["Gateway:RegistrationTool:Url"] = "https://127.0.0.1:0" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("https://127.0.0.1:0");
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        await app.PrepareGatewayAsync();
        await app.StartAsync();
        return app;
    }

    private static bool Chains(X509Certificate2? server, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return server is not null && chain.Build(server);
    }
}
