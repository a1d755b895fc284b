using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Contracts;

/// <summary>
/// A Java partner's path, as docs/integration.md describes it, against the real gateway: Debian's JAX-WS wsimport reads
/// the served WSDL over HTTPS (trusting the test CA), generates the client, and a small Java program calls Ping,
/// RegisterInterview and GetContactCourse over SOAP 1.1 and 1.2 with the client certificate, and reads a refusal as
/// GatewayFault_Exception. The tools come from the machine (.ci/run installs jaxws).
/// </summary>
[TestFixture]
public sealed class JavaClientTests
{
    private static readonly string[] Tools = ["/usr/bin/wsimport", "/usr/bin/javac", "/usr/bin/java", "/usr/bin/keytool"];
    private TestGateway _gateway = null!;
    private string _work = "";

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _gateway = await TestGateway.StartAsync();
        _work = Directory.CreateTempSubdirectory("gateway-java-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopGateway()
    {
        await _gateway.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Test]
    public async Task JaxWsClient_GeneratedFromTheServedWsdl_CallsOverSoap11AndSoap12()
    {
        if (Tools.FirstOrDefault(t => !File.Exists(t)) is { } missing)
        {
            Assert.Fail($"This test runs a real Java client: install Debian's jaxws and a JDK ({missing} is missing); .ci/run does.");
        }

        var truststore = Path.Combine(_work, "truststore.p12");
        await RunAsync("/usr/bin/keytool", ["-importcert", "-noprompt", "-alias", "gateway-ca", "-file", TestPki.CaPem, "-keystore", truststore, "-storetype", "PKCS12", "-storepass", "changeit"]);
        var client = Path.Combine(_work, "client.p12");
        await File.WriteAllBytesAsync(client, TestGateway.ClientCertificate.Export(X509ContentType.Pkcs12, "changeit"));
        var generated = Directory.CreateDirectory(Path.Combine(_work, "out")).FullName;
        var wsdl = $"{_gateway.ServiceUrl}?wsdl";
        await RunAsync("/usr/bin/wsimport", ["-keep", "-XadditionalHeaders", "-extension", "-p", "dk.example.contactcourse", "-d", generated, "-s", Directory.CreateDirectory(Path.Combine(_work, "src")).FullName, wsdl],
            javaOptions: $"-Djavax.net.ssl.trustStore={truststore} -Djavax.net.ssl.trustStorePassword=changeit -Djavax.xml.accessExternalSchema=all");
        var classPath = string.Join(':', [generated, .. RuntimeJars()]);
        var classes = Directory.CreateDirectory(Path.Combine(_work, "classes")).FullName;
        await RunAsync("/usr/bin/javac", ["-cp", classPath, "-d", classes, Path.Combine(AppContext.BaseDirectory, "Contracts", "JavaClient", "JavaClient.java")]);

        var output = await RunAsync("/usr/bin/java", ["-cp", $"{classPath}:{classes}", "JavaClient", _gateway.ServiceUrl.ToString(), client, "changeit", truststore]);

        Assert.Multiple(() =>
        {
            foreach (var soap in new[] { "SOAP 1.1", "SOAP 1.2" })
            {
                Assert.That(output, Does.Contain($"{soap} Ping: version "), output);
                Assert.That(output, Does.Match($"{soap.Replace(".", "\\.", StringComparison.Ordinal)} RegisterInterview: registration [0-9a-f-]{{36}} version 1"), output);
                Assert.That(output, Does.Contain($"{soap} GetContactCourse: 1 registration(s)"), output);
                Assert.That(output, Does.Contain($"{soap} refused as expected: Client.Validation.RuleViolation Date.InFuture (retryable false, correlation id "), output);
            }
        });
    }

    // The JAX-WS runtime and its dependencies as Debian installs them.
    private static IEnumerable<string> RuntimeJars() =>
        Directory.GetFiles("/usr/share/java", "*.jar").Where(jar => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(jar),
            "^(jaxws-api|jaxws-rt|jaxws-ri-rt|jaxb-api|jaxb-runtime|jaxb-core|jaxb-impl|javax.activation|saaj-api|saaj-impl|saaj|stax-ex|streambuffer|gmbal|glassfish-management-api|management-api|policy|mimepull|ha-api|istack-commons-runtime|txw2|FastInfoset|javax.annotation-api)[^/]*\\.jar$"));

    // Runs a tool to its end, within two minutes, and returns what it printed; a failure shows everything it said.
    private static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, string? javaOptions = null)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (javaOptions is not null)
        {
            start.Environment["JAVA_TOOL_OPTIONS"] = javaOptions;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} did not finish within two minutes.");
        }

        var said = await stdout + await stderr;
        Assert.That(process.ExitCode, Is.Zero, $"{tool} {string.Join(' ', start.ArgumentList)}\n{said}");
        return said;
    }
}
