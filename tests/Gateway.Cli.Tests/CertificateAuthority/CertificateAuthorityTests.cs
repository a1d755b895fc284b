using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;

namespace Gateway.Cli.Tests.CertificateAuthority;

/// <summary>The ca commands need no database.</summary>
[TestFixture]
public sealed class CertificateAuthorityTests
{
    private TemporaryFolder _folder = null!;
    private readonly GatewayctlRunner _cli = new(connectionString: null);

    [SetUp]
    public void CreateFolder() => _folder = new TemporaryFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public async Task IssueServer_FromNewCa_ChainBuildsAgainstTheCaAndHasTheAlternativeNames()
    {
        var created = await _cli.RunAsync("ca", "create", "--out", _folder.File("ca"), "--name", "Test CA");
        var issued = await _cli.RunAsync("ca", "issue-server", "--ca", _folder.File("ca"), "--dns", "localhost", "gateway.test", "--ip", "127.0.0.1",
            "--out", _folder.File("server"));

        Assert.That(created.ExitCode, Is.Zero, created.ToString);
        Assert.That(issued.ExitCode, Is.Zero, issued.ToString);
        using var ca = CertificateFiles.LoadCertificate(_folder.File("ca", "ca.pem"));
        using var server = CertificateFiles.LoadPfx(_folder.File("server", "server.pfx"), ReadPassword(_folder.File("server", "server.pfx.password")));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.Multiple(() =>
        {
            Assert.That(ca.Subject, Is.EqualTo("CN=Test CA"));
            Assert.That(server.HasPrivateKey, Is.True);
            Assert.That(chain.Build(server), Is.True, string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
            var names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
            Assert.That(names.EnumerateDnsNames(), Is.EqualTo(new[] { "localhost", "gateway.test" }));
            Assert.That(names.EnumerateIPAddresses(), Is.EqualTo(new[] { IPAddress.Loopback }));
            Assert.That(File.Exists(_folder.File("server", "server.pem")) && File.Exists(_folder.File("server", "server.key.pem")), Is.True);
        });
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public async Task Create_PasswordAndPfxFiles_AreReadableByTheOwnerOnly()
    {
        await _cli.RunAsync("ca", "create", "--out", _folder.File("ca"));
        await _cli.RunAsync("ca", "issue-client", "--ca", _folder.File("ca"), "--name", "CaseSys", "--out", _folder.File("client"));

        string[] privateFiles = ["ca/ca.pfx", "ca/ca.pfx.password", "client/client.pfx", "client/client.pfx.password", "client/client.key.pem"];
        Assert.That(privateFiles.Select(f => File.GetUnixFileMode(_folder.File(f))),
            Is.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task IssueClient_Days_SetsTheValidityAndTheClientUsage()
    {
        await _cli.RunAsync("ca", "create", "--out", _folder.File("ca"));

        var json = (await _cli.JsonAsync("ca", "issue-client", "--ca", _folder.File("ca"), "--name", "CaseSys", "--out", _folder.File("client"), "--days", "10")).Json;

        using var client = CertificateFiles.LoadCertificate(_folder.File("client", "client.pem"));
        Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo("CN=CaseSys"));
        Assert.That(json.GetProperty("files").GetArrayLength(), Is.EqualTo(4));
        Assert.That(client.NotAfter.ToUniversalTime(), Is.EqualTo(DateTime.UtcNow.AddDays(10)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(client.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value),
            Is.EqualTo(new[] { "1.3.6.1.5.5.7.3.2" }));
    }

    [Test]
    public async Task Create_WhereACaExists_RefusesAndKeepsIt()
    {
        await _cli.RunAsync("ca", "create", "--out", _folder.File("ca"));
        var before = await File.ReadAllBytesAsync(_folder.File("ca", "ca.pfx"));

        var again = await _cli.RunAsync("ca", "create", "--out", _folder.File("ca"));

        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Refused), again.ToString);
        Assert.That(again.Stderr, Does.Contain("exists already"));
        Assert.That(await File.ReadAllBytesAsync(_folder.File("ca", "ca.pfx")), Is.EqualTo(before));
    }

    [Test]
    public async Task Issue_WithoutCa_IsAUsageErrorNamingCaCreate()
    {
        var result = await _cli.RunAsync("ca", "issue-server", "--ca", _folder.File("nothing"), "--dns", "localhost", "--out", _folder.File("server"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("gatewayctl ca create --out"));
    }

    [Test]
    public async Task IssueServer_BadAddress_IsAUsageError()
    {
        await _cli.RunAsync("ca", "create", "--out", _folder.File("ca"));

        var result = await _cli.RunAsync("ca", "issue-server", "--ca", _folder.File("ca"), "--dns", "localhost", "--ip", "localhost", "--out", _folder.File("s"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--ip takes IP addresses"));
    }

    private static string ReadPassword(string path) => File.ReadAllText(path).TrimEnd('\n');
}
