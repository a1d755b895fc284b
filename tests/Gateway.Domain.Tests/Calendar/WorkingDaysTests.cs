using Gateway.Domain.Calendar;

namespace Gateway.Domain.Tests.Calendar;

public class WorkingDaysTests
{
    // June 2024: Mon 10, Tue 11, Wed 12, Thu 13, Fri 14, Sat 15, Sun 16, Mon 17 ... Mon 24.
    [TestCase("2024-06-10", "2024-06-10", 0, TestName = "MoreThan_SameDay_Zero")]
    [TestCase("2024-06-10", "2024-06-11", 1, TestName = "MoreThan_MondayToTuesday_One")]
    [TestCase("2024-06-10", "2024-06-14", 4, TestName = "MoreThan_MondayToFriday_Four")]
    [TestCase("2024-06-14", "2024-06-15", 0, TestName = "MoreThan_FridayToSaturday_Zero")]
    [TestCase("2024-06-14", "2024-06-16", 0, TestName = "MoreThan_FridayToSunday_Zero")]
    [TestCase("2024-06-14", "2024-06-17", 1, TestName = "MoreThan_FridayToMonday_One")]
    [TestCase("2024-06-15", "2024-06-17", 1, TestName = "MoreThan_SaturdayToMonday_One")]
    [TestCase("2024-06-16", "2024-06-16", 0, TestName = "MoreThan_SundayToSunday_Zero")]
    [TestCase("2024-06-14", "2024-06-21", 5, TestName = "MoreThan_FridayToNextFriday_Five")]
    [TestCase("2024-06-10", "2024-06-24", 10, TestName = "MoreThan_TwoWeeks_Ten")]
    [TestCase("2024-06-11", "2024-06-10", 0, TestName = "MoreThan_ToBeforeFrom_Zero")]
    [TestCase("2024-12-31", "2025-01-02", 1, TestName = "MoreThan_AcrossNewYear_NewYearsDayIsNoWorkingDay")]
    public void MoreThan_FromAndTo_CountsMondayToFridayAfterFromUpToTo(string from, string to, int workingDays)
    {
        var (start, end) = (DateOnly.Parse(from), DateOnly.Parse(to));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WorkingDays.MoreThan(workingDays, start, end), Is.False, $"not more than {workingDays}");
            Assert.That(workingDays == 0 || WorkingDays.MoreThan(workingDays - 1, start, end), Is.True, $"more than {workingDays - 1}");
        }
    }

    [TestCase("0001-01-01", "9999-12-31", true, TestName = "MoreThan_WholeCalendar_True")]
    [TestCase("9999-12-30", "9999-12-31", false, TestName = "MoreThan_LastTwoDays_OneWorkingDayAtMost")]
    [TestCase("9999-12-31", "9999-12-31", false, TestName = "MoreThan_LastDayToItself_False")]
    [TestCase("9999-12-31", "0001-01-01", false, TestName = "MoreThan_LastDayToFirst_False")]
    [TestCase("0001-01-01", "0001-01-01", false, TestName = "MoreThan_FirstDayToItself_False")]
    public void MoreThan_DatesAtTheEdgesOfTheCalendar_AnswersWithoutOverflow(string from, string to, bool expected) =>
        Assert.That(WorkingDays.MoreThan(2, DateOnly.Parse(from), DateOnly.Parse(to)), Is.EqualTo(expected));
}
