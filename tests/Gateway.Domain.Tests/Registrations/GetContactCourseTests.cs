using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.Domain.Tests.Faults;
using Moq;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>GetContactCourse isolated from its store.</summary>
public class GetContactCourseTests
{
    private Mock<IRegistrationStore> _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _store = new Mock<IRegistrationStore>(MockBehavior.Strict);
    }

    [TestCase("3102901234", TestName = "HandleAsync_CprWith31February_RuleViolationWithoutReading")]
    [TestCase("010190-1234", TestName = "HandleAsync_CprWithHyphen_RuleViolationWithoutReading")]
    [TestCase("", TestName = "HandleAsync_CprEmpty_RuleViolationWithoutReading")]
    public async Task HandleAsync_InvalidCpr_RuleViolationWithoutReading(string cpr)
    {
        var outcome = await AdmittedCalls.Read(_store.Object).HandleAsync(cpr, CancellationToken.None);

        var refusal = outcome.ExpectRefusal();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal.Code, Is.EqualTo(FaultCodes.RuleViolation));
            Assert.That(refusal.Fields.Select(f => (f.Field, f.Code)), Is.EqualTo(new[] { ("Cpr", "Cpr.Invalid") }));
        }

        _store.VerifyNoOtherCalls();
    }

    [Test]
    public async Task HandleAsync_CitizenWithRegistrations_CourseOldestInterviewFirst()
    {
        using var cancellation = new CancellationTokenSource();
        var older = Stored(new DateOnly(2024, 6, 3));
        var newer = Stored(InterviewDay);
        _store.Setup(s => s.LatestForCitizenAsync(CitizenCpr, cancellation.Token)).ReturnsAsync([newer, older]);

        var outcome = await AdmittedCalls.Read(_store.Object).HandleAsync(CitizenCpr, cancellation.Token);

        var course = outcome.ExpectValue();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(course.Cpr, Is.EqualTo(CitizenCpr));
            Assert.That(course.Registrations, Is.EqualTo(new[] { older, newer }));
            Assert.That(course.Latest, Is.SameAs(newer));
        }
    }

    [Test]
    public async Task HandleAsync_CitizenWithoutRegistrations_EmptyCourse()
    {
        _store.Setup(s => s.LatestForCitizenAsync(CitizenCpr, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var outcome = await AdmittedCalls.Read(_store.Object).HandleAsync(CitizenCpr, CancellationToken.None);

        var course = outcome.ExpectValue();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(course.Registrations, Is.Empty);
            Assert.That(course.Latest, Is.Null);
        }
    }

    private static StoredRegistration Stored(DateOnly heldOn) =>
        new(Guid.NewGuid(), 1, new DateTimeOffset(heldOn, new TimeOnly(12, 0), TimeSpan.FromHours(2)), Municipality101, null, CaseWorkerId, false,
            MunicipalityInterview(heldOn));
}
