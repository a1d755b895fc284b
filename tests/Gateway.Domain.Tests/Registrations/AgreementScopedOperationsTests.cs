using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.Domain.Tests.Faults;
using Moq;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>What the operations decide with the agreement: the case types it covers, and its read scope.</summary>
public class AgreementScopedOperationsTests
{
    private Mock<IRegistrationStore> _store = null!;

    [SetUp]
    public void CreateStore() => _store = new Mock<IRegistrationStore>(MockBehavior.Strict);

    [Test]
    public async Task RegisterInterview_CaseTypeOutsideTheAgreement_CaseTypeNotAllowedAndNothingStored()
    {
        var agreement = AdmittedCalls.AgreementOf(MunicipalityCaller, caseTypes: [CaseType.Starthjaelp]);
        // A refusal first asks whether the request id answered an earlier write (a retry gets its first receipt).
        _store.Setup(s => s.FindRequestAsync(agreement.Id, "request-1", It.IsAny<CancellationToken>())).ReturnsAsync((EarlierRequest?)null);
        var operation = AdmittedCalls.Register(_store.Object, TimeProvider.System);

        var outcome = await operation.HandleAsync(agreement, AdmittedCalls.ContextOf(MunicipalityCaller), "request-1", MunicipalityInterview(), CancellationToken.None);

        Assert.That(outcome.ExpectRefusal().Code, Is.EqualTo(FaultCodes.CaseTypeNotAllowed));
        _store.Verify(s => s.FindRequestAsync(agreement.Id, "request-1", It.IsAny<CancellationToken>()), Times.Once);
        _store.VerifyNoOtherCalls();
    }

    [Test]
    public async Task GetContactCourse_OwnCitizensAndARegistrationOfOurs_ReadsTheWholeCourse()
    {
        var ours = Stored(Municipality101);
        var theirs = Stored(new AuthorityId(AuthorityKind.Municipality, "147"));
        _store.Setup(s => s.LatestForCitizenAsync(CitizenCpr, It.IsAny<CancellationToken>())).ReturnsAsync([ours, theirs]);

        var course = (await Read(MunicipalityCaller, ReadScope.OwnCitizens)).ExpectValue();

        Assert.That(course.Registrations, Is.EquivalentTo(new[] { ours, theirs }));
    }

    [TestCase(true, TestName = "GetContactCourse_OwnCitizensAndOnlyOthersRegistrations_OutsideReadScope")]
    [TestCase(false, TestName = "GetContactCourse_OwnCitizensAndNoRegistrationAtAll_OutsideReadScope")]
    public async Task GetContactCourse_OwnCitizensNotOurs_RefusedAlikeWhetherOrNotTheCitizenExists(bool registeredElsewhere)
    {
        _store.Setup(s => s.LatestForCitizenAsync(CitizenCpr, It.IsAny<CancellationToken>()))
            .ReturnsAsync(registeredElsewhere ? [Stored(new AuthorityId(AuthorityKind.Municipality, "147"))] : []);

        var refusal = (await Read(MunicipalityCaller, ReadScope.OwnCitizens)).ExpectRefusal();

        Assert.That(refusal.Code, Is.EqualTo(FaultCodes.OutsideReadScope));
    }

    [Test]
    public async Task GetContactCourse_OtherActorWithOwnCitizens_ReadsItsPrincipalsCitizens()
    {
        var actor = new Caller(new AuthorityId(AuthorityKind.OtherActor, "12345674"), Municipality101, "aa-1");
        _store.Setup(s => s.LatestForCitizenAsync(CitizenCpr, It.IsAny<CancellationToken>())).ReturnsAsync([Stored(Municipality101)]);

        Assert.That((await Read(actor, ReadScope.OwnCitizens)).IsRefused, Is.False);
    }

    [Test]
    public async Task GetContactCourse_AllCitizensAndUnknownCitizen_EmptyCourse()
    {
        _store.Setup(s => s.LatestForCitizenAsync(CitizenCpr, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        Assert.That((await Read(MunicipalityCaller, ReadScope.AllCitizens)).ExpectValue().Registrations, Is.Empty);
    }

    private Task<Outcome<CitizenCourse>> Read(Caller caller, ReadScope scope) =>
        AdmittedCalls.Read(_store.Object).HandleAsync(AdmittedCalls.AgreementOf(caller, scope), AdmittedCalls.ContextOf(caller), CitizenCpr, CancellationToken.None);

    private static StoredRegistration Stored(AuthorityId responsible) =>
        new(Guid.NewGuid(), 1, DateTimeOffset.UtcNow, responsible, null, CaseWorkerId, false, MunicipalityInterview());
}
