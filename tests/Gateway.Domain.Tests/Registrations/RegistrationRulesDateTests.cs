using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>RegistrationRules.Check: the dates of item 2, 7 and 10, with "today" in Europe/Copenhagen.</summary>
public class RegistrationRulesDateTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());

    // 11 June 2024 in Copenhagen is UTC+2 (summer time), 16 January UTC+1; the UTC date differs from the Danish one
    // for the last hours before local midnight, which is what these cases probe.
    [TestCase("2024-06-11", "2024-06-10T21:30:00Z", TestName = "Check_InterviewTomorrowInCopenhagenSummer_InFuture")]
    [TestCase("2024-01-16", "2024-01-15T22:30:00Z", TestName = "Check_InterviewTomorrowInCopenhagenWinter_InFuture")]
    [TestCase("2024-06-11", "2024-06-10T23:30:00+02:00", TestName = "Check_InterviewTomorrowGivenInDanishTime_InFuture")]
    [TestCase("2024-06-11", "2024-06-10T21:59:59Z", TestName = "Check_InterviewTomorrowLastSecondBeforeCopenhagenMidnight_InFuture")]
    public void Check_InterviewAfterTodayInCopenhagen_DateInFuture(string heldOn, string receivedAt)
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(DateOnly.Parse(heldOn)), DateTimeOffset.Parse(receivedAt));

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/Interview/HeldOn", "Date.InFuture") }));
    }

    [TestCase("2024-06-11", "2024-06-10T22:30:00Z", TestName = "Check_InterviewTodayInCopenhagenYesterdayInUtcSummer_Accepted")]
    [TestCase("2024-01-16", "2024-01-15T23:30:00Z", TestName = "Check_InterviewTodayInCopenhagenYesterdayInUtcWinter_Accepted")]
    [TestCase("2024-06-11", "2024-06-10T22:00:00Z", TestName = "Check_InterviewTodayFromCopenhagenMidnight_Accepted")]
    public void Check_InterviewTodayInCopenhagen_Accepted(string heldOn, string receivedAt)
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(DateOnly.Parse(heldOn)), DateTimeOffset.Parse(receivedAt));

        Assert.That(outcome.Violations(), Is.Empty);
    }

    [Test]
    public void Check_InterviewBeforeSeptember2005_BeforeDataBasis()
    {
        var held = new DateOnly(2005, 8, 31);

        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(held), new DateTimeOffset(2005, 9, 1, 10, 0, 0, TimeSpan.FromHours(2)));

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/Interview/HeldOn", "Date.BeforeDataBasis") }));
    }

    [Test]
    public void Check_InterviewOn1September2005_Accepted()
    {
        var held = new DateOnly(2005, 9, 1);

        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(held), new DateTimeOffset(2005, 9, 1, 10, 0, 0, TimeSpan.FromHours(2)));

        Assert.That(outcome.Violations(), Is.Empty);
    }

    [Test]
    public void Check_AgreementDeadlineBeforeInterview_DateBeforeInterview()
    {
        var interview = MunicipalityInterview() with
        {
            FurtherCourse = new FurtherCourseItem(
            [
                new CourseAgreementItem(CourseAgreementKind.Jobsoegning, "Søger fem stillinger om ugen.", InterviewDay.AddDays(7)),
                new CourseAgreementItem(CourseAgreementKind.Uddannelse, "Starter på AMU-kursus.", InterviewDay.AddDays(-1)),
            ], null),
        };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/FurtherCourse/Agreement[2]/Deadline", "Date.BeforeInterview") }));
    }

    [TestCase(0, TestName = "Check_AgreementDeadlineOnInterviewDay_Accepted")]
    [TestCase(null, TestName = "Check_AgreementWithoutDeadline_Accepted")]
    public void Check_AgreementDeadlineNotBeforeInterview_Accepted(int? daysAfterInterview)
    {
        var deadline = daysAfterInterview is { } days ? InterviewDay.AddDays(days) : (DateOnly?)null;
        var interview = MunicipalityInterview() with
        {
            FurtherCourse = new FurtherCourseItem([new CourseAgreementItem(CourseAgreementKind.Andet, "Ringer i morgen.", deadline)], null),
        };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [TestCase(0, TestName = "Check_NextContactOnInterviewDay_NotAfterInterview")]
    [TestCase(-1, TestName = "Check_NextContactBeforeInterview_NotAfterInterview")]
    public void Check_NextContactNotAfterInterview_DateNotAfterInterview(int daysAfterInterview)
    {
        var interview = MunicipalityInterview() with { NextContact = new NextContactItem(InterviewDay.AddDays(daysAfterInterview), null) };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/NextContact/PlannedOn", "Date.NotAfterInterview") }));
    }

    [Test]
    public void Check_NextContactDayAfterInterview_Accepted()
    {
        var interview = MunicipalityInterview() with { NextContact = new NextContactItem(InterviewDay.AddDays(1), null) };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [Test]
    public void Check_EndReasonWithoutNextContact_Accepted()
    {
        var interview = MunicipalityInterview() with { NextContact = new NextContactItem(null, CourseEndReason.Selvforsoergelse) };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [Test]
    public void Check_NextContactAndEndReason_ExactlyOne()
    {
        var next = new NextContactItem(InterviewDay.AddDays(28), CourseEndReason.Overgang);

        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview() with { NextContact = next }, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EquivalentTo(new[] { ("Registration/NextContact", "NextContact.ExactlyOne") }));
    }

    [Test]
    public void Check_NeitherNextContactNorEndReason_ItemMissing()
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview() with { NextContact = new NextContactItem(null, null) }, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EquivalentTo(new[] { ("Registration/NextContact", "Item.Missing") }));
    }
}
