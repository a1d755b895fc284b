using Gateway.Domain.Registrations;

namespace Gateway.Domain.Tests.Registrations;

public class WorkingDaysTests
{
    // June 2024: Mon 10, Tue 11, Wed 12, Thu 13, Fri 14, Sat 15, Sun 16, Mon 17 ... Mon 24.
    [TestCase("2024-06-10", "2024-06-10", 0, TestName = "Between_SameDay_Zero")]
    [TestCase("2024-06-10", "2024-06-11", 1, TestName = "Between_MondayToTuesday_One")]
    [TestCase("2024-06-10", "2024-06-14", 4, TestName = "Between_MondayToFriday_Four")]
    [TestCase("2024-06-14", "2024-06-15", 0, TestName = "Between_FridayToSaturday_Zero")]
    [TestCase("2024-06-14", "2024-06-16", 0, TestName = "Between_FridayToSunday_Zero")]
    [TestCase("2024-06-14", "2024-06-17", 1, TestName = "Between_FridayToMonday_One")]
    [TestCase("2024-06-15", "2024-06-17", 1, TestName = "Between_SaturdayToMonday_One")]
    [TestCase("2024-06-16", "2024-06-16", 0, TestName = "Between_SundayToSunday_Zero")]
    [TestCase("2024-06-14", "2024-06-21", 5, TestName = "Between_FridayToNextFriday_Five")]
    [TestCase("2024-06-10", "2024-06-24", 10, TestName = "Between_TwoWeeks_Ten")]
    [TestCase("2024-06-11", "2024-06-10", 0, TestName = "Between_ToBeforeFrom_Zero")]
    [TestCase("2024-12-31", "2025-01-02", 1, TestName = "Between_AcrossNewYear_NewYearsDayIsNoWorkingDay")]
    public void Between_FromAndTo_CountsMondayToFridayAfterFromUpToTo(string from, string to, int expected) =>
        Assert.That(WorkingDays.Between(DateOnly.Parse(from), DateOnly.Parse(to)), Is.EqualTo(expected));
}
