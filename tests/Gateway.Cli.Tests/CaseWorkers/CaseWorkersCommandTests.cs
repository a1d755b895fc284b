using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Cli.Execution;
using Gateway.Cli.Tests.Support;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Tests.CaseWorkers;

/// <summary>
/// <c>gatewayctl caseworkers</c>: a personal certificate registered to one authority and case-worker id, listed with its
/// history, revoked for good; and the registration-tool agreement that admits the authority's case workers, with the
/// lifecycle every agreement has.
/// </summary>
[TestFixture]
public sealed class CaseWorkersCommandTests : CliFixture
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
    public async Task Add_ACaseWorkersCertificate_RegistersItToTheAuthorityAndIdAndListShowsWhoAddedIt()
    {
        var pem = await IssueAsync("Hanne Hansen");
        var thumbprint = X509CertificateLoader.LoadCertificateFromFile(pem).GetCertHashString(HashAlgorithmName.SHA256);

        var added = await Cli.JsonAsync("caseworkers", "add", "--authority", Municipality, "--case-worker", "hh-101", "--file", pem);
        var listed = (await Cli.JsonAsync("caseworkers", "list", "--authority", Municipality)).Json;
        var human = await Succeeds("caseworkers", "list");

        Assert.Multiple(() =>
        {
            Assert.That(added.Json.GetProperty("thumbprint").GetString(), Is.EqualTo(thumbprint));
            Assert.That(added.Json.GetProperty("caseWorkerId").GetString(), Is.EqualTo("hh-101"));
            Assert.That(added.Json.GetProperty("revoked").GetBoolean(), Is.False);
            var entry = listed.EnumerateArray().Single(c => c.GetProperty("thumbprint").GetString() == thumbprint);
            Assert.That(entry.GetProperty("addedBy").GetString(), Is.EqualTo(GatewayctlRunner.Operator));
            Assert.That(entry.GetProperty("authority").GetProperty("code").GetString(), Is.EqualTo("101"));
            Assert.That(human.Stdout, Does.StartWith("THUMBPRINT").And.Contain(thumbprint).And.Contain("hh-101").And.Contain("valid"));
        });
    }

    [Test]
    public async Task Revoke_ARegisteredCaseWorker_IsRecordedWithWhoAndWhyAndIsFinal()
    {
        var pem = await IssueAsync("Revoked Worker");
        var thumbprint = X509CertificateLoader.LoadCertificateFromFile(pem).GetCertHashString(HashAlgorithmName.SHA256);
        await Succeeds("caseworkers", "add", "--authority", Municipality, "--case-worker", "rw-101", "--file", pem);

        var revoked = await Cli.As("bob").RunAsync("caseworkers", "revoke", "--thumbprint", thumbprint, "--reason", "Fratrådt.");
        var again = await Cli.RunAsync("caseworkers", "revoke", "--thumbprint", thumbprint, "--reason", "Igen.");
        var readded = await Cli.RunAsync("caseworkers", "add", "--authority", Municipality, "--case-worker", "rw-101", "--file", pem);
        var entry = (await Cli.JsonAsync("caseworkers", "list")).Json.EnumerateArray().Single(c => c.GetProperty("thumbprint").GetString() == thumbprint);

        Assert.Multiple(() =>
        {
            Assert.That(revoked.ExitCode, Is.Zero, revoked.ToString);
            Assert.That(revoked.Stdout, Does.Contain("refuses it from its next request on"));
            Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(again.Stderr, Does.Contain("revoked already"));
            Assert.That(readded.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(readded.Stderr, Does.Contain("cannot be registered again"));
            Assert.That(entry.GetProperty("revokedBy").GetString(), Is.EqualTo("bob"));
            Assert.That(entry.GetProperty("revokedReason").GetString(), Is.EqualTo("Fratrådt."));
        });
    }

    [Test]
    public async Task Add_SameCertificateForAnotherCaseWorker_IsRefused()
    {
        var pem = await IssueAsync("Shared Card");
        await Succeeds("caseworkers", "add", "--authority", Municipality, "--case-worker", "first", "--file", pem);

        var result = await Cli.RunAsync("caseworkers", "add", "--authority", Municipality, "--case-worker", "second", "--file", pem);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("identifies one person"));
    }

    [Test]
    public async Task Add_AnItSystemsCertificate_IsRefusedAndTheOtherWayRoundToo()
    {
        var systemPem = await IssueAsync("System Cert");
        await Succeeds("certificates", "add", "--system", SystemId.ToString(), "--file", systemPem);
        var personPem = await IssueAsync("Person Cert");
        await Succeeds("caseworkers", "add", "--authority", Municipality, "--case-worker", "pc-1", "--file", personPem);

        var asPerson = await Cli.RunAsync("caseworkers", "add", "--authority", Municipality, "--case-worker", "sc-1", "--file", systemPem);
        var asSystem = await Cli.RunAsync("certificates", "add", "--system", SystemId.ToString(), "--file", personPem);

        Assert.Multiple(() =>
        {
            Assert.That(asPerson.ExitCode, Is.EqualTo(ExitCodes.Refused), asPerson.ToString);
            Assert.That(asPerson.Stderr, Does.Contain("is an IT system's"));
            Assert.That(asSystem.ExitCode, Is.EqualTo(ExitCodes.Refused), asSystem.ToString);
            Assert.That(asSystem.Stderr, Does.Contain("is a case worker's"));
        });
    }

    [TestCase("Municipality:555", ExitCodes.Refused, "not registered")]
    [TestCase("Municipality:101", ExitCodes.Usage, "cannot be a case-worker id")]
    public async Task Add_UnknownAuthorityOrInvalidId_IsRefusedNamingTheFix(string authority, int exitCode, string message)
    {
        var pem = await IssueAsync("Bad Input " + exitCode);
        var id = exitCode == ExitCodes.Usage ? "(system)" : "ok-1";

        var result = await Cli.RunAsync("caseworkers", "add", "--authority", authority, "--case-worker", id, "--file", pem);

        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.ToString);
        Assert.That(result.Stderr, Does.Contain(message));
    }

    [Test]
    public async Task RequestToolAgreement_WithoutSystem_AdmitsTheToolAndSuspendsAndResumesAsAnyAgreement()
    {
        var requested = (await Cli.JsonAsync("agreements", "request", "--authority", Municipality, "--channel", "RegistrationTool",
            "--environment", "Production", "--reason", "Kommunen har intet fagsystem.")).Json;
        var id = requested.GetProperty("id").GetGuid().ToString();

        await Succeeds("agreements", "approve", id, "--reason", "Godkendt.");
        await Succeeds("agreements", "suspend", id, "--reason", "Misbrug undersøges.");
        await Succeeds("agreements", "resume", id, "--reason", "Afklaret.");
        var shown = await Succeeds("agreements", "show", id);
        var listed = await Succeeds("agreements", "list");

        Assert.Multiple(() =>
        {
            Assert.That(requested.GetProperty("channel").GetString(), Is.EqualTo("RegistrationTool"));
            Assert.That(requested.GetProperty("itSystemId").GetGuid(), Is.EqualTo(RegistrationTool.ItSystemId));
            Assert.That(shown.Stdout, Does.Match("Channel +registration tool").And.Match("Status +Active"));
            Assert.That(listed.Stdout.Split('\n')[0], Does.Match("^ID +STATUS +ENV +AUTHORITY +PRINCIPALS +CHANNEL +IT SYSTEM +VALID FROM +VALID TO"));
            Assert.That(listed.Stdout.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal)), Does.Match($"{id} +Active +Production +{Municipality} +- +registration tool +{RegistrationTool.ItSystemId}"));
        });
    }

    [Test]
    public async Task RequestWebServicesAgreement_WithoutSystem_IsAUsageError()
    {
        var result = await Cli.RunAsync("agreements", "request", "--authority", Municipality, "--environment", "Test", "--reason", "x");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString);
        Assert.That(result.Stderr, Does.Contain("--system is required for a web-services agreement"));
    }

    [Test]
    public async Task CertificatesAdd_ForTheRegistrationTool_IsRefused()
    {
        var pem = await IssueAsync("Tool Cert");

        var result = await Cli.RunAsync("certificates", "add", "--system", RegistrationTool.ItSystemId.ToString(), "--file", pem);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Refused), result.ToString);
        Assert.That(result.Stderr, Does.Contain("gatewayctl caseworkers add"));
    }

    private async Task<string> IssueAsync(string name)
    {
        var folder = name.Replace(' ', '-');
        var result = await Cli.RunAsync("ca", "issue-client", "--ca", _folder.File("ca"), "--name", name, "--out", _folder.File(folder));
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return _folder.File(folder, "client.pem");
    }
}
