using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>The "own citizens" read scope (domain.md § 6): a live registration the reader is responsible for.</summary>
public class CitizenScopeTests
{
    private static readonly StoredRegistration Ours = new(
        Guid.Parse("01900000-0000-7000-8000-000000000001"), 1, SameAfternoon, Municipality101, null, CaseWorkerId, false, MunicipalityInterview());

    [Test]
    public void Admit_OwnScopeWithOurRegistration_Admitted() =>
        Assert.That(Admit(MunicipalityCaller, ReadScope.OwnCitizens, Ours), Is.Null);

    [Test]
    public void Admit_OwnScopeWithOnlyACancelledRegistrationOfOurs_OutsideReadScope() =>
        Assert.That(Admit(MunicipalityCaller, ReadScope.OwnCitizens, Ours with { Version = 2, Change = ChangeKind.Cancelled, Reason = "Fejl." })?.Code,
            Is.EqualTo(FaultCodes.OutsideReadScope));

    [Test]
    public void Admit_OwnScopeWithAnotherAuthoritysRegistration_OutsideReadScope() =>
        Assert.That(Admit(EmploymentServiceCaller, ReadScope.OwnCitizens, Ours)?.Code, Is.EqualTo(FaultCodes.OutsideReadScope));

    [Test]
    public void Admit_OwnScopeOtherActorReadingForItsPrincipal_Admitted() =>
        Assert.That(Admit(OtherActorFor(Municipality101), ReadScope.OwnCitizens, Ours), Is.Null);

    [Test]
    public void Admit_AllScopeWithNoRegistration_Admitted() =>
        Assert.That(Admit(EmploymentServiceCaller, ReadScope.AllCitizens), Is.Null);

    private static Refusal? Admit(Caller caller, ReadScope scope, params StoredRegistration[] registrations) =>
        CitizenScope.Admit(AdmittedCalls.AgreementOf(caller, scope), AdmittedCalls.ContextOf(caller), registrations);
}
