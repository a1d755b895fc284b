using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

public class CitizenCourseTests
{
    [Test]
    public void CitizenCourse_NoRegistrations_EmptyWithoutCurrentState()
    {
        var course = new CitizenCourse(CitizenCpr, []);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(course.Cpr, Is.EqualTo(CitizenCpr));
            Assert.That(course.Registrations, Is.Empty);
            Assert.That(course.Latest, Is.Null);
            Assert.That(course.CurrentCaseType, Is.Null);
            Assert.That(course.ResponsibleAuthority, Is.Null);
            Assert.That(course.LatestMatchCategory, Is.Null);
            Assert.That(course.NextPlannedContact, Is.Null);
        }
    }

    [Test]
    public void Registrations_GivenInAnyOrder_OldestInterviewFirst()
    {
        var june3 = Stored(new DateOnly(2024, 6, 3), At(2024, 6, 3));
        var june10 = Stored(new DateOnly(2024, 6, 10), At(2024, 6, 10));
        var may27 = Stored(new DateOnly(2024, 5, 27), At(2024, 5, 27));

        var course = new CitizenCourse(CitizenCpr, [june10, may27, june3]);

        Assert.That(course.Registrations, Is.EqualTo(new[] { may27, june3, june10 }));
    }

    [Test]
    public void Registrations_SameInterviewDay_OrderedByTimeReceived()
    {
        var first = Stored(InterviewDay, At(2024, 6, 10, 9));
        var second = Stored(InterviewDay, At(2024, 6, 10, 14));

        var course = new CitizenCourse(CitizenCpr, [second, first]);

        Assert.That(course.Registrations, Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public void Latest_OlderInterviewRegisteredLater_LatestInterviewDecides()
    {
        // The Employment Service unit took over on 10 June; the municipality registered its 3 June interview late.
        var current = Stored(InterviewDay, At(2024, 6, 10), Unit1234, EmploymentServiceInterview() with { MatchCategory = MatchCategory.UmiddelbartMatch });
        var lateOlder = Stored(new DateOnly(2024, 6, 3), At(2024, 6, 12), Municipality101,
            MunicipalityInterview(new DateOnly(2024, 6, 3)) with { MatchCategory = MatchCategory.IntetMatch });

        var course = new CitizenCourse(CitizenCpr, [current, lateOlder]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(course.Latest, Is.SameAs(current));
            Assert.That(course.CurrentCaseType, Is.EqualTo(CaseType.Dagpenge));
            Assert.That(course.ResponsibleAuthority, Is.EqualTo(Unit1234));
            Assert.That(course.LatestMatchCategory, Is.EqualTo(MatchCategory.UmiddelbartMatch));
            Assert.That(course.NextPlannedContact, Is.EqualTo(InterviewDay.AddDays(28)));
        }
    }

    [Test]
    public void NextPlannedContact_LatestEndsTheCourse_Null()
    {
        var earlier = Stored(new DateOnly(2024, 6, 3), At(2024, 6, 3));
        var ended = Stored(InterviewDay, At(2024, 6, 10), interview: MunicipalityInterview() with
        {
            NextContact = new NextContactItem(null, CourseEndReason.Selvforsoergelse),
        });

        var course = new CitizenCourse(CitizenCpr, [ended, earlier]);

        Assert.That(course.NextPlannedContact, Is.Null);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(2));

    private static StoredRegistration Stored(DateOnly heldOn, DateTimeOffset receivedAt, AuthorityId? responsible = null, Interview? interview = null) =>
        new(Guid.NewGuid(), 1, receivedAt, responsible ?? Municipality101, null, CaseWorkerId, false, interview ?? MunicipalityInterview(heldOn));
}
