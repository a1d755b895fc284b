using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Tests.Agreements;

/// <summary>
/// A case worker's request to the registration tool: admitted by the certificate's registration and one of the
/// authority's tool agreements, refused with the catalogue's code otherwise, decided anew on every request.
/// </summary>
public class CaseWorkerSignInTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly AuthorityId Municipality = new(AuthorityKind.Municipality, "101");
    private static readonly AuthorityId OtherMunicipality = new(AuthorityKind.Municipality, "147");

    private static readonly RegisteredCaseWorker CaseWorker = new(
        new string('A', 64), Municipality, "hh-101", "CN=Hanne Hansen", Now.AddYears(-1), Now.AddYears(1), Now.AddDays(-30), "alice", null, null, null);

    private static Agreement Tool(AgreementStatus status, AuthorityId? authority = null) => new()
    {
        Id = Guid.NewGuid(),
        Authority = authority ?? Municipality,
        Principals = [],
        ItSystemId = RegistrationTool.ItSystemId,
        Channel = RegistrationChannel.RegistrationTool,
        Operations = new HashSet<string> { RegisterInterview.Operation, GetContactCourse.Operation },
        CaseTypes = new HashSet<CaseType> { CaseType.Kontanthjaelp, CaseType.Starthjaelp },
        ReadScope = ReadScope.OwnCitizens,
        Environment = GatewayEnvironment.Production,
        ValidFrom = Today.AddYears(-1),
        Status = status,
    };

    [Test]
    public void Admit_RegisteredCaseWorkerWithAnActiveToolAgreement_ActsAsTheCaseWorkerOfTheAuthority()
    {
        var agreement = Tool(AgreementStatus.Active);

        var outcome = Admit(CaseWorker, [agreement]);

        Assert.That(outcome.Refusal, Is.Null);
        var (admitted, context) = outcome.Value;
        Assert.Multiple(() =>
        {
            Assert.That(admitted, Is.SameAs(agreement));
            Assert.That(context, Is.EqualTo(new CallerContext(agreement.Id, Municipality, null, "hh-101", "req-1")));
        });
    }

    [TestCase(false, false, "Client.Authentication.CertificateUnknown", TestName = "Admit_UnregisteredCertificate_IsRefusedAsUnknown")]
    [TestCase(true, false, "Client.Authentication.CertificateRevoked", TestName = "Admit_RevokedCaseWorker_IsRefusedAsRevoked")]
    [TestCase(true, true, "Client.Authentication.CertificateExpired", TestName = "Admit_CaseWorkerOutOfDate_IsRefusedAsExpired")]
    public void Admit_CertificateNotAdmitting_IsRefusedBeforeAnyAgreement(bool registered, bool outOfDate, string expected)
    {
        var caseWorker = !registered ? null
            : outOfDate ? CaseWorker with { NotAfter = Now.AddMinutes(-1) }
            : CaseWorker with { RevokedAt = Now.AddDays(-1), RevokedBy = "bob", RevokedReason = "Fratrådt." };

        Assert.That(Admit(caseWorker, [Tool(AgreementStatus.Active)]).Refusal?.Code.Value, Is.EqualTo(expected));
    }

    [TestCase(AgreementStatus.Suspended, "Client.AccessDenied.AgreementSuspended")]
    [TestCase(AgreementStatus.Terminated, "Client.AccessDenied.AgreementTerminated")]
    [TestCase(AgreementStatus.Requested, "Client.AccessDenied.AgreementNotApproved")]
    [TestCase(AgreementStatus.Expired, "Client.AccessDenied.AgreementExpired")]
    public void Admit_ToolAgreementNotActive_IsRefusedWithItsStatus(AgreementStatus status, string expected) =>
        Assert.That(Admit(CaseWorker, [Tool(status)]).Refusal?.Code.Value, Is.EqualTo(expected));

    [Test]
    public void Admit_NoToolAgreementOfTheAuthority_IsRefusedAsNotFound() =>
        Assert.That(Admit(CaseWorker, [Tool(AgreementStatus.Active, OtherMunicipality)]).Refusal?.Code, Is.EqualTo(FaultCodes.AgreementNotFound));

    [Test]
    public void Admit_TerminatedAgreementAndAnActiveSuccessor_IsAdmittedByTheSuccessor()
    {
        var successor = Tool(AgreementStatus.Active);

        Assert.That(Admit(CaseWorker, [Tool(AgreementStatus.Terminated), successor]).Value.Agreement, Is.SameAs(successor));
    }

    [Test]
    public void Admit_SeveralRefusingAgreements_GivesTheNewestOnesReason() =>
        Assert.That(Admit(CaseWorker, [Tool(AgreementStatus.Terminated), Tool(AgreementStatus.Suspended)]).Refusal?.Code, Is.EqualTo(FaultCodes.AgreementSuspended));

    [Test]
    public void Admit_AWebServicesAgreementOfTheAuthority_DoesNotAdmitTheTool()
    {
        var webServices = Tool(AgreementStatus.Active) with { Channel = RegistrationChannel.WebServices, ItSystemId = Guid.NewGuid() };

        Assert.That(Admit(CaseWorker, [webServices]).Refusal?.Code, Is.EqualTo(FaultCodes.AgreementNotFound));
    }

    [Test]
    public void Admit_OperationOutsideTheAgreement_IsRefused() =>
        Assert.That(CaseWorkerSignIn.Admit(CaseWorker, [Tool(AgreementStatus.Active)], null, CancelInterview.Operation, GatewayEnvironment.Production, Now, Today, "req-1")
            .Refusal?.Code, Is.EqualTo(FaultCodes.OperationNotInAgreement));

    private static Outcome<(Agreement Agreement, CallerContext Context)> Admit(RegisteredCaseWorker? caseWorker, IReadOnlyList<Agreement> agreements) =>
        CaseWorkerSignIn.Admit(caseWorker, agreements, null, RegisterInterview.Operation, GatewayEnvironment.Production, Now, Today, "req-1");
}
