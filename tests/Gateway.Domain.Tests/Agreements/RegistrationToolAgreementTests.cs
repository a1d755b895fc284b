using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Conformance;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.Domain.Tests.Faults;
using Gateway.Domain.Tests.Registrations;
using Moq;

namespace Gateway.Domain.Tests.Agreements;

/// <summary>
/// A registration-tool agreement is the same agreement model with its own channel: it admits only the tool, the tool
/// only under such agreements, its status decides as any agreement's does, and what is written under it says so.
/// </summary>
public class RegistrationToolAgreementTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly AuthorityId Municipality = new(AuthorityKind.Municipality, "101");
    private static readonly CallerContext Context = new(Guid.NewGuid(), Municipality, null, "cw-7", "call-1");

    private static Agreement ToolAgreement(AgreementStatus status = AgreementStatus.Active) => new()
    {
        Id = Guid.NewGuid(),
        Authority = Municipality,
        Principals = [],
        ItSystemId = RegistrationTool.ItSystemId,
        Channel = RegistrationChannel.RegistrationTool,
        Operations = new HashSet<string> { "RegisterInterview", "GetContactCourse" },
        CaseTypes = new HashSet<CaseType> { CaseType.Kontanthjaelp },
        ReadScope = ReadScope.OwnCitizens,
        Environment = GatewayEnvironment.Production,
        ValidFrom = Today.AddYears(-1),
        Status = status,
    };

    [Test]
    public void AdmitCall_ToolAgreementThroughTheTool_IsAdmitted() =>
        Assert.That(AgreementDecisions.AdmitCall(ToolAgreement(), RegistrationTool.ItSystemId, RegistrationChannel.RegistrationTool, Context,
            "RegisterInterview", GatewayEnvironment.Production, Today), Is.Null);

    [Test]
    public void AdmitCall_ToolAgreementThroughTheWebServices_IsRefusedAsNotFound() =>
        Assert.That(AgreementDecisions.AdmitCall(ToolAgreement(), RegistrationTool.ItSystemId, Context, "RegisterInterview", GatewayEnvironment.Production, Today)!.Code,
            Is.EqualTo(FaultCodes.AgreementNotFound));

    [Test]
    public void AdmitCall_WebServicesAgreementThroughTheTool_IsRefusedAsNotFound()
    {
        var system = Guid.NewGuid();
        var webServices = ToolAgreement() with { ItSystemId = system, Channel = RegistrationChannel.WebServices };

        Assert.That(AgreementDecisions.AdmitCall(webServices, system, RegistrationChannel.RegistrationTool, Context, "RegisterInterview", GatewayEnvironment.Production, Today)!.Code,
            Is.EqualTo(FaultCodes.AgreementNotFound));
    }

    [TestCase(AgreementStatus.Suspended, "Client.AccessDenied.AgreementSuspended")]
    [TestCase(AgreementStatus.Terminated, "Client.AccessDenied.AgreementTerminated")]
    [TestCase(AgreementStatus.Requested, "Client.AccessDenied.AgreementNotApproved")]
    public void AdmitCall_ToolAgreementNotActive_IsRefusedAsAnyAgreementIs(AgreementStatus status, string expected) =>
        Assert.That(AgreementDecisions.AdmitCall(ToolAgreement(status), RegistrationTool.ItSystemId, RegistrationChannel.RegistrationTool, Context,
            "RegisterInterview", GatewayEnvironment.Production, Today)?.Code.Value, Is.EqualTo(expected));

    [Test]
    public void Problems_ToolChannelWithAnItSystem_NamesTheFix() =>
        Assert.That(Request(RegistrationChannel.RegistrationTool, Guid.NewGuid()).Problems(), Has.One.Contains("leave out --system"));

    [Test]
    public void Problems_WebServicesChannelWithTheTool_NamesTheFix() =>
        Assert.That(Request(RegistrationChannel.WebServices, RegistrationTool.ItSystemId).Problems(), Has.One.Contains("--channel RegistrationTool"));

    [Test]
    public void Problems_ToolChannelWithTheTool_None() =>
        Assert.That(Request(RegistrationChannel.RegistrationTool, RegistrationTool.ItSystemId).Problems(), Is.Empty);

    [TestCase(AgreementAction.Approve)]
    [TestCase(AgreementAction.Resume)]
    public void Guards_ProductionToolAgreement_IsNotJudgedOnConformance(AgreementAction action)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConformanceGate.Guards(ToolAgreement(), action), Is.False);
            Assert.That(ConformanceGate.Guards(ToolAgreement() with { Channel = RegistrationChannel.WebServices, ItSystemId = Guid.NewGuid() }, action), Is.True);
        });
    }

    [Test]
    public async Task RegisterInterview_UnderAToolAgreement_StoresTheVersionAsComingThroughTheTool()
    {
        var store = new Mock<IRegistrationStore>(MockBehavior.Strict);
        var stored = new List<StoredRegistration>();
        store.Setup(s => s.FindRequestAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((EarlierRequest?)null);
        store.Setup(s => s.WriteAsync(It.IsAny<StoredRegistration>(), It.IsAny<WriteRequest>(), It.IsAny<Receipt>(), It.IsAny<Gateway.Domain.AccessLog.AccessEntry>(), It.IsAny<CancellationToken>()))
            .Callback<StoredRegistration, WriteRequest, Receipt, Gateway.Domain.AccessLog.AccessEntry, CancellationToken>((r, _, _, _, _) => stored.Add(r))
            .ReturnsAsync(WriteResult.Stored);
        var caller = SampleRegistrations.MunicipalityCaller;
        var agreement = ToolAgreement() with { Authority = caller.ActingAuthority, Environment = GatewayEnvironment.Test };
        var operation = AdmittedCalls.Register(store.Object, new FixedTimeProvider(SampleRegistrations.SameAfternoon));

        var outcome = await operation.HandleAsync(agreement, AdmittedCalls.ContextOf(caller), "request-1", SampleRegistrations.MunicipalityInterview(), CancellationToken.None);

        outcome.ExpectValue();
        Assert.That(stored.Single().Channel, Is.EqualTo(RegistrationChannel.RegistrationTool));
    }

    private static AgreementRequest Request(RegistrationChannel channel, Guid system) => new()
    {
        Authority = Municipality,
        ItSystemId = system,
        Channel = channel,
        Environment = GatewayEnvironment.Test,
        ValidFrom = Today,
    };
}
