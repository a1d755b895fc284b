using Gateway.Contracts.CodeLists;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>Who may correct or cancel which version (domain.md § 5), one case per rule, in the order they are checked.</summary>
public class ChangeRequestTests
{
    private static readonly StoredRegistration Version1 = new(
        Guid.Parse("01900000-0000-7000-8000-000000000001"), 1, SameAfternoon, Municipality101, null, CaseWorkerId, false, MunicipalityInterview());

    private static readonly StoredRegistration Version2 = Version1 with { Version = 2, Change = ChangeKind.Corrected, Reason = "Rettelse." };

    private static readonly StoredRegistration Cancelled = Version1 with { Version = 2, Change = ChangeKind.Cancelled, Reason = "Fejl." };

    [Test]
    public void Admit_ResponsibleAuthorityOnTheLatestVersion_Admitted() =>
        Assert.That(ChangeRequest.Admit(AdmittedCalls.AgreementOf(MunicipalityCaller), MunicipalityCaller, [Version1, Version2], 2), Is.Null);

    [Test]
    public void Admit_OtherActorActingForTheResponsibleAuthority_Admitted()
    {
        var actor = OtherActorFor(Municipality101);
        Assert.That(ChangeRequest.Admit(AdmittedCalls.AgreementOf(actor), actor, [Version1], 1), Is.Null);
    }

    [Test]
    public void Admit_NoSuchRegistration_NotFound() =>
        Assert.That(Code(MunicipalityCaller, [], 1), Is.EqualTo(FaultCodes.RegistrationNotFound));

    [Test]
    public void Admit_AnotherAuthority_NotFoundAsIfUnknown()
    {
        Assert.That(Code(EmploymentServiceCaller, [Version1], 1), Is.EqualTo(FaultCodes.RegistrationNotFound));
        Assert.That(Code(OtherActorFor(Unit1234), [Version1], 1), Is.EqualTo(FaultCodes.RegistrationNotFound), "an other actor of another principal");
    }

    [TestCase(1, TestName = "Admit_VersionBehindTheLatest_StaleVersion")]
    [TestCase(3, TestName = "Admit_VersionAheadOfTheLatest_StaleVersion")]
    public void Admit_VersionNotTheLatest_StaleVersion(int version) =>
        Assert.That(Code(MunicipalityCaller, [Version1, Version2], version), Is.EqualTo(FaultCodes.StaleVersion));

    [Test]
    public void Admit_Cancelled_RegistrationCancelled() =>
        Assert.That(Code(MunicipalityCaller, [Version1, Cancelled], 2), Is.EqualTo(FaultCodes.RegistrationCancelled));

    [Test]
    public void Admit_StaleAndCancelled_StaleFirst() =>
        Assert.That(Code(MunicipalityCaller, [Version1, Cancelled], 1), Is.EqualTo(FaultCodes.StaleVersion));

    [Test]
    public void Admit_CaseTypeOutsideTheAgreement_CaseTypeNotAllowed()
    {
        var agreement = AdmittedCalls.AgreementOf(MunicipalityCaller, caseTypes: [CaseType.Starthjaelp]);
        Assert.That(ChangeRequest.Admit(agreement, MunicipalityCaller, [Version1], 1)?.Code, Is.EqualTo(FaultCodes.CaseTypeNotAllowed));
    }

    private static FaultCode? Code(Caller caller, IReadOnlyList<StoredRegistration> history, int version) =>
        ChangeRequest.Admit(AdmittedCalls.AgreementOf(caller), caller, history, version)?.Code;
}
