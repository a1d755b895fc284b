using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.Certificates;

[TestFixture]
public sealed class CertificatesCommandTests : CliFixture
{
    private TemporaryFolder _folder = null!;

    [OneTimeSetUp]
    public async Task CreateCa()
    {
        _folder = new TemporaryFolder();
        Assert.That((await Cli.RunAsync("ca", "create", "--out", _folder.File("ca"))).ExitCode, Is.Zero);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task Add_PemAndDerFromIssueClient_RegistersBothWithTheirThumbprints()
    {
        var pem = await IssueClientAsync("pem-client");
        var derCertificate = X509CertificateLoader.LoadCertificateFromFile(await IssueClientAsync("der-client"));
        var der = _folder.File("der-client.der");
        await File.WriteAllBytesAsync(der, derCertificate.RawData);

        var fromPem = await Cli.JsonAsync("certificates", "add", "--system", SystemId.ToString(), "--file", pem);
        var fromDer = await Succeeds("certificates", "add", "--system", SystemId.ToString(), "--file", der);

        var pemCertificate = X509CertificateLoader.LoadCertificateFromFile(pem);
        Assert.Multiple(() =>
        {
            Assert.That(fromPem.Json.GetProperty("thumbprint").GetString(), Is.EqualTo(pemCertificate.GetCertHashString(HashAlgorithmName.SHA256)));
            Assert.That(fromPem.Json.GetProperty("subject").GetString(), Is.EqualTo("CN=pem-client"));
            Assert.That(fromPem.Json.GetProperty("itSystemId").GetGuid(), Is.EqualTo(SystemId));
            Assert.That(fromPem.Json.GetProperty("revoked").GetBoolean(), Is.False);
            Assert.That(fromPem.Json.GetProperty("notAfter").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(pemCertificate.NotAfter)).Within(TimeSpan.FromSeconds(1)));
            Assert.That(fromDer.Stdout, Does.Contain(derCertificate.GetCertHashString(HashAlgorithmName.SHA256)).And.Contain("CN=der-client").And.Contain("valid"));
        });
    }

    [Test]
    public async Task List_BySystem_ShowsItsCertificates()
    {
        var other = Guid.Parse((await Succeeds("systems", "add", "--name", "Other system", "--vendor-cvr", "12345674")).Stdout.Trim());
        var mine = X509CertificateLoader.LoadCertificateFromFile(await IssueClientAsync("listed-mine"));
        var theirs = X509CertificateLoader.LoadCertificateFromFile(await IssueClientAsync("listed-theirs"));
        await Succeeds("certificates", "add", "--system", SystemId.ToString(), "--file", _folder.File("listed-mine", "client.pem"));
        await Succeeds("certificates", "add", "--system", other.ToString(), "--file", _folder.File("listed-theirs", "client.pem"));

        var json = (await Cli.JsonAsync("certificates", "list", "--system", other.ToString())).Json;
        var human = await Succeeds("certificates", "list");

        Assert.That(json.EnumerateArray().Select(c => c.GetProperty("thumbprint").GetString()),
            Is.EqualTo(new[] { theirs.GetCertHashString(HashAlgorithmName.SHA256) }));
        Assert.That(human.Stdout, Does.StartWith("THUMBPRINT").And.Contain(mine.GetCertHashString(HashAlgorithmName.SHA256)).And.Contain("CN=listed-theirs"));
    }

    [Test]
    public async Task Revoke_ThenAgain_SecondTimeRefuses()
    {
        var pem = await IssueClientAsync("revoked-client");
        var thumbprint = (await Cli.JsonAsync("certificates", "add", "--system", SystemId.ToString(), "--file", pem)).Json.GetProperty("thumbprint").GetString()!;

        var first = await Cli.RunAsync("certificates", "revoke", "--thumbprint", thumbprint.ToLowerInvariant(), "--reason", "Key leaked");
        var second = await Cli.RunAsync("certificates", "revoke", "--thumbprint", thumbprint, "--reason", "Key leaked");

        Assert.That(first.ExitCode, Is.Zero, first.ToString);
        Assert.That(first.Stdout, Does.Contain($"Revoked certificate {thumbprint}"));
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Refused), second.ToString);
        Assert.That(second.Stderr, Does.Contain("is revoked already"));
        var listed = (await Cli.JsonAsync("certificates", "list")).Json.EnumerateArray().Single(c => c.GetProperty("thumbprint").GetString() == thumbprint);
        Assert.That(listed.GetProperty("revoked").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Revoke_TwiceACertificateWhoseSubjectHoldsTerminalControls_PrintsTheSubjectEscaped()
    {
        // A partner's certificate whose subject would clear the screen and forge a line, were it printed as stored.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName("evil\u001b[2J OK: nothing revoked\nforged line");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        var file = _folder.File("evil.pem");
        await File.WriteAllTextAsync(file, certificate.ExportCertificatePem());
        var thumbprint = (await Cli.JsonAsync("certificates", "add", "--system", SystemId.ToString(), "--file", file)).Json.GetProperty("thumbprint").GetString()!;
        await Succeeds("certificates", "revoke", "--thumbprint", thumbprint, "--reason", "test");

        var again = await Cli.RunAsync("certificates", "revoke", "--thumbprint", thumbprint, "--reason", "test");
        var readd = await Cli.RunAsync("certificates", "add", "--system", SystemId.ToString(), "--file", file);

        Assert.Multiple(() =>
        {
            foreach (var result in new[] { again, readd })
            {
                Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
                Assert.That(result.Stderr, Does.Not.Contain("\u001b").And.Contain(@"\u001B[2J").And.Contain(@"\nforged line"));
                Assert.That(result.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one message, one line");
            }
        });
    }

    [Test]
    public async Task Revoke_UnknownThumbprint_Refuses()
    {
        var result = await Cli.RunAsync("certificates", "revoke", "--thumbprint", new string('A', 64), "--reason", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("No certificate with thumbprint").And.Contain("gatewayctl certificates list"));
    }

    [Test]
    public async Task Revoke_MalformedThumbprint_IsAUsageError()
    {
        var result = await Cli.RunAsync("certificates", "revoke", "--thumbprint", "ABC", "--reason", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("64 hexadecimal digits"));
    }

    [Test]
    public async Task Add_RevokedCertificateAgain_Refuses()
    {
        var pem = await IssueClientAsync("readded-client");
        var thumbprint = (await Cli.JsonAsync("certificates", "add", "--system", SystemId.ToString(), "--file", pem)).Json.GetProperty("thumbprint").GetString()!;
        await Succeeds("certificates", "revoke", "--thumbprint", thumbprint, "--reason", "Key leaked");

        var result = await Cli.RunAsync("certificates", "add", "--system", SystemId.ToString(), "--file", pem);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("was revoked"));
    }

    [Test]
    public async Task Add_UnknownSystem_Refuses()
    {
        var pem = await IssueClientAsync("orphan-client");
        var system = Guid.NewGuid();

        var result = await Cli.RunAsync("certificates", "add", "--system", system.ToString(), "--file", pem);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain($"No IT system {system}").And.Contain("gatewayctl systems list"));
    }

    [TestCase("missing.pem", null, "No file")]
    [TestCase("garbage.pem", "not a certificate", "is not a certificate in PEM or DER form")]
    public async Task Add_FileThatIsNoCertificate_IsAUsageError(string name, string? content, string message)
    {
        var path = _folder.File(name);
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        var result = await Cli.RunAsync("certificates", "add", "--system", SystemId.ToString(), "--file", path);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain(message));
    }

    private async Task<string> IssueClientAsync(string name)
    {
        var result = await Cli.RunAsync("ca", "issue-client", "--ca", _folder.File("ca"), "--name", name, "--out", _folder.File(name));
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return _folder.File(name, "client.pem");
    }
}
