using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>
/// RegistrationRules.Check: what a registration is accepted with — the late flag (more than 2 working days,
/// Monday-Friday, after the interview; domain.md § 5) and a next contact beyond 3 months (§ 4 item 10).
/// </summary>
public class RegistrationRulesWarningTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());

    // June 2024: Mon 10, Tue 11, Wed 12, Thu 13, Fri 14, Sat 15, Sun 16, Mon 17, Tue 18, Wed 19.
    [TestCase("2024-06-10", "2024-06-10T15:00:00+02:00", false, TestName = "Check_MondayInterviewRegisteredSameDay_NotLate")]
    [TestCase("2024-06-10", "2024-06-12T23:59:00+02:00", false, TestName = "Check_MondayInterviewRegisteredWednesday_NotLate")]
    [TestCase("2024-06-10", "2024-06-13T08:00:00+02:00", true, TestName = "Check_MondayInterviewRegisteredThursday_Late")]
    [TestCase("2024-06-13", "2024-06-17T12:00:00+02:00", false, TestName = "Check_ThursdayInterviewRegisteredMonday_NotLate")]
    [TestCase("2024-06-13", "2024-06-18T12:00:00+02:00", true, TestName = "Check_ThursdayInterviewRegisteredTuesday_Late")]
    [TestCase("2024-06-14", "2024-06-16T12:00:00+02:00", false, TestName = "Check_FridayInterviewRegisteredSunday_NotLate")]
    [TestCase("2024-06-14", "2024-06-18T12:00:00+02:00", false, TestName = "Check_FridayInterviewRegisteredTuesday_NotLate")]
    [TestCase("2024-06-14", "2024-06-19T12:00:00+02:00", true, TestName = "Check_FridayInterviewRegisteredWednesday_Late")]
    [TestCase("2024-06-15", "2024-06-18T12:00:00+02:00", false, TestName = "Check_SaturdayInterviewRegisteredTuesday_NotLate")]
    [TestCase("2024-06-15", "2024-06-19T12:00:00+02:00", true, TestName = "Check_SaturdayInterviewRegisteredWednesday_Late")]
    // 22:30 UTC on Wednesday is 00:30 on Thursday in Copenhagen: the Danish date counts.
    [TestCase("2024-06-10", "2024-06-12T22:30:00Z", true, TestName = "Check_MondayInterviewRegisteredThursdayInCopenhagen_Late")]
    [TestCase("2024-06-10", "2024-06-12T21:30:00Z", false, TestName = "Check_MondayInterviewRegisteredWednesdayInCopenhagen_NotLate")]
    public void Check_RegisteredAfterInterview_LateAfterTwoWorkingDays(string heldOn, string receivedAt, bool late)
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(DateOnly.Parse(heldOn)), DateTimeOffset.Parse(receivedAt));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Violations(), Is.Empty, "a late registration is still accepted");
            Assert.That(outcome.Late, Is.EqualTo(late));
            Assert.That(outcome.WarningCodes(), late ? Is.EqualTo(new[] { "Warning.LateRegistration" }) : Is.Empty);
        }
    }

    [Test]
    public void Check_RegisteredMonthsAfterInterview_AcceptedAsLate()
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(new DateOnly(2024, 1, 10)), SameAfternoon);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Accepted, Is.True);
            Assert.That(outcome.Late, Is.True);
            Assert.That(outcome.WarningCodes(), Is.EqualTo(new[] { "Warning.LateRegistration" }));
        }
    }

    [TestCase(2, true, TestName = "Check_FiveWorkingDaysWithDefaultThreshold_Late")]
    [TestCase(5, false, TestName = "Check_FiveWorkingDaysWithThresholdFive_NotLate")]
    [TestCase(4, true, TestName = "Check_FiveWorkingDaysWithThresholdFour_Late")]
    public void Check_ThresholdFromPolicy_DecidesLate(int lateAfterWorkingDays, bool late)
    {
        var rules = SampleRegistrations.RulesOf(new RegistrationPolicy { LateAfterWorkingDays = lateAfterWorkingDays });
        // Monday 10 June to Monday 17 June: Tuesday to Friday and Monday, 5 working days.
        var nextMonday = new DateTimeOffset(2024, 6, 17, 12, 0, 0, TimeSpan.FromHours(2));

        var outcome = rules.Check(MunicipalityCaller, MunicipalityInterview(), nextMonday);

        Assert.That(outcome.Late, Is.EqualTo(late));
    }

    [TestCase("2024-09-10", false, TestName = "Check_NextContactExactlyThreeMonthsAhead_NoWarning")]
    [TestCase("2024-09-11", true, TestName = "Check_NextContactThreeMonthsAndOneDayAhead_WarningBeyondLimit")]
    [TestCase("2024-12-10", true, TestName = "Check_NextContactSixMonthsAhead_WarningBeyondLimit")]
    public void Check_NextContactFarAhead_AcceptedWithWarning(string plannedOn, bool warning)
    {
        var interview = MunicipalityInterview() with { NextContact = new NextContactItem(DateOnly.Parse(plannedOn), null) };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Violations(), Is.Empty);
            Assert.That(outcome.Late, Is.False);
            Assert.That(outcome.WarningCodes(), warning ? Is.EqualTo(new[] { "Warning.NextContactBeyondLimit" }) : Is.Empty);
        }
    }

    [Test]
    public void Check_EndReasonInsteadOfNextContact_NoWarning()
    {
        var interview = MunicipalityInterview() with { NextContact = new NextContactItem(null, CourseEndReason.Overgang) };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Warnings, Is.Empty);
    }

    [Test]
    public void Check_LateAndNextContactFarAhead_BothWarnings()
    {
        var interview = MunicipalityInterview() with { NextContact = new NextContactItem(new DateOnly(2024, 12, 10), null) };

        var outcome = Rules.Check(MunicipalityCaller, interview, new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(2)));

        Assert.That(outcome.WarningCodes(), Is.EquivalentTo(new[] { "Warning.LateRegistration", "Warning.NextContactBeyondLimit" }));
    }
}
