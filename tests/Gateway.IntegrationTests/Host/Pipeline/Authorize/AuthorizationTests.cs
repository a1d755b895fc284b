using System.ServiceModel;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.Host.Background;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Host.Pipeline.Authorize;

/// <summary>The agreement decides, through real calls: each refusal with its code, nothing stored, and every call counted in usage.</summary>
[TestFixture]
public sealed class AuthorizationTests
{
    private static readonly AuthorityId Municipality998 = new(AuthorityKind.Municipality, "998");
    private TestGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _gateway = await TestGateway.StartAsync();
        await _gateway.Authorities.AddAuthorityAsync(Municipality998, "Anden Testkommune", "tests", CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    [TestCase(AgreementAction.Suspend, "Client.AccessDenied.AgreementSuspended")]
    [TestCase(AgreementAction.Terminate, "Client.AccessDenied.AgreementTerminated")]
    public async Task ActiveAgreement_Changed_NextCallIsRefused(AgreementAction action, string code)
    {
        var agreement = await AgreementAsync();
        var client = ClientFor(agreement);
        await client.Ping();

        await _gateway.ChangeAccessAsync(() => _gateway.Agreements.TransitionAsync(agreement.Id, action, "tests", "test", CancellationToken.None));

        Assert.That(Refused(() => client.Ping()), Is.EqualTo(code));
    }

    [Test]
    public async Task Agreement_Requested_IsNotApproved()
    {
        var client = ClientFor(await AgreementAsync(activate: false));
        Assert.That(Refused(() => client.Ping()), Is.EqualTo("Client.AccessDenied.AgreementNotApproved"));
    }

    [Test]
    public async Task AgreementPastItsEndDate_IsExpired_EvenBeforeTheSweep() =>
        Assert.That(Refused(async () => await ClientFor(await AgreementAsync(validTo: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)))).Ping()),
            Is.EqualTo("Client.AccessDenied.AgreementExpired"));

    [Test]
    public async Task ProductionAgreement_OnATestGateway_IsWrongEnvironment() =>
        Assert.That(Refused(async () => await ClientFor(await AgreementAsync(environment: GatewayEnvironment.Production)).Ping()),
            Is.EqualTo("Client.AccessDenied.WrongEnvironment"));

    [Test]
    public async Task Operation_OutsideTheAgreement_IsOperationNotInAgreement() =>
        Assert.That(Refused(async () => await ClientFor(await AgreementAsync(operations: ["Ping"])).GetContactCourse(TestCitizens.Next())),
            Is.EqualTo("Client.AccessDenied.OperationNotInAgreement"));

    [Test]
    public void OtherActor_ForAPrincipalNotInItsAgreement_IsNotActingForPrincipal()
    {
        var client = _gateway.ClientWith(TestGateway.ClientCertificate, () =>
        {
            var context = Callers.ContextOf(As.OtherActor);
            context.Principal = new Authority { Kind = AuthorityKind.Municipality, Code = "998" };
            return context;
        });
        Assert.That(Refused(() => client.Ping()), Is.EqualTo("Client.AccessDenied.NotActingForPrincipal"));
    }

    [Test]
    public void OtherActor_WithoutItsPrincipal_IsNotActingForPrincipal()
    {
        var client = _gateway.ClientWith(TestGateway.ClientCertificate, () =>
        {
            var context = Callers.ContextOf(As.OtherActor);
            context.Principal = null;
            return context;
        });
        Assert.That(Refused(() => client.Ping()), Is.EqualTo("Client.AccessDenied.NotActingForPrincipal"));
    }

    [Test]
    public async Task OwnCitizensScope_CitizenOfAnotherAuthorityOrUnknown_IsRefusedAlike()
    {
        var theirs = TestCitizens.Next();
        await _gateway.Client().RegisterInterview(SampleRegistrations.Minimal(theirs));
        var reader = ClientFor(await AgreementAsync(scope: ReadScope.OwnCitizens));

        Assert.Multiple(() =>
        {
            Assert.That(Refused(() => reader.GetContactCourse(theirs)), Is.EqualTo("Client.AccessDenied.OutsideReadScope"));
            Assert.That(Refused(() => reader.GetContactCourse(TestCitizens.Next())), Is.EqualTo("Client.AccessDenied.OutsideReadScope"));
        });
    }

    [Test]
    public async Task OwnCitizensScope_CitizenWeRegistered_IsRead()
    {
        var reader = ClientFor(await AgreementAsync(scope: ReadScope.OwnCitizens));
        var ours = TestCitizens.Next();
        await reader.RegisterInterview(SampleRegistrations.Minimal(ours));

        Assert.That((await reader.GetContactCourse(ours)).Registrations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CallContext_Malformed_IsCallContextInvalidNamingTheField()
    {
        var header = Callers.HeaderXml().Replace(SandboxGuid, "not-a-uuid", StringComparison.Ordinal);
        var body = $"<s:Envelope xmlns:s=\"{SoapRequests.Soap11}\"><s:Header>{header}</s:Header><s:Body><Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/></s:Body></s:Envelope>";
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));
        var fault = await SoapRequests.ReadFaultAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(fault.Code, Is.EqualTo("Client.CallContext.Invalid"));
            Assert.That(fault.FieldErrors.Select(f => f.Field), Has.Some.StartsWith("Header/CallContext/AgreementId"));
        });
    }

    [TestCase("s:mustUnderstand=\"1\"")]
    [TestCase("s:mustUnderstand=\"1\" s:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"")]
    public async Task CallContext_WithSoapHeaderAttributes_IsAdmitted(string attributes)
    {
        // Some SOAP stacks mark every header they send mustUnderstand; the gateway understands this one.
        var header = Callers.HeaderXml().Replace("<CallContext ", $"<CallContext {attributes} ", StringComparison.Ordinal);
        var body = $"<s:Envelope xmlns:s=\"{SoapRequests.Soap11}\"><s:Header>{header}</s:Header><s:Body><Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/></s:Body></s:Envelope>";
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("PingResponse"));
    }

    [Test]
    public async Task CallContext_WithoutItsLastElement_NamesTheHeaderItself()
    {
        var header = System.Text.RegularExpressions.Regex.Replace(Callers.HeaderXml(), "<CallId>[^<]*</CallId>", "");
        var body = $"<s:Envelope xmlns:s=\"{SoapRequests.Soap11}\"><s:Header>{header}</s:Header><s:Body><Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/></s:Body></s:Envelope>";
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", body));
        var fault = await SoapRequests.ReadFaultAsync(response);
        Assert.That(fault.FieldErrors.Select(f => f.Field), Is.EqualTo(new[] { "Header/CallContext" }));
    }

    [Test]
    public async Task Usage_CallsAndFaults_AreCountedPerAgreementOperationAndOutcome()
    {
        var agreement = await AgreementAsync(operations: ["Ping", "RegisterInterview"]);
        var client = ClientFor(agreement);
        await client.Ping();
        await client.Ping();
        Refused(() => client.GetContactCourse(TestCitizens.Next()));

        await _gateway.Services.GetRequiredService<UsageFlusher>().FlushAsync(CancellationToken.None);
        var usage = await _gateway.Usage.UsageAsync(agreement.Id, CancellationToken.None);

        Assert.That(usage.Select(u => (u.Operation, u.Outcome, u.Calls)), Is.EquivalentTo(new[]
        {
            ("Ping", "Success", 2L),
            ("GetContactCourse", "Client.AccessDenied.OperationNotInAgreement", 1L),
        }));
    }

    private static string SandboxGuid => Gateway.Host.Sandbox.SandboxIdentity.AgreementId.ToString();

    private async Task<Agreement> AgreementAsync(
        bool activate = true, DateOnly? validTo = null, GatewayEnvironment environment = GatewayEnvironment.Test,
        string[]? operations = null, ReadScope scope = ReadScope.AllCitizens)
    {
        var request = new AgreementRequest
        {
            Authority = Municipality998,
            ItSystemId = _gateway.ItSystemId,
            ReadScope = scope,
            Environment = environment,
            ValidFrom = new DateOnly(2020, 1, 1),
            ValidTo = validTo,
        };
        if (operations is not null)
        {
            request = request with { Operations = operations.ToHashSet() };
        }

        return await _gateway.Agreements.RequestAgreementAsync(request, "tests", "test", CancellationToken.None, activate: activate);
    }

    private Gateway.Contracts.IContactCourseService ClientFor(Agreement agreement) =>
        _gateway.ClientWith(TestGateway.ClientCertificate, () => new Gateway.Contracts.Types.CallContext
        {
            AgreementId = agreement.Id,
            ActingAuthority = new Authority { Kind = AuthorityKind.Municipality, Code = "998" },
            CaseWorkerId = "cw-998",
            CallId = Guid.NewGuid().ToString("N"),
        });

    private static string Refused(Func<Task> call) =>
        Assert.ThrowsAsync<FaultException<GatewayFault>>(() => call())!.Detail.Code;
}
