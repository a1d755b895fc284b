using Gateway.Domain.Calendar;

namespace Gateway.Domain.Tests.Calendar;

public class DanishHolidaysTests
{
    [TestCase(2024, 3, 31)]
    [TestCase(2025, 4, 20)]
    [TestCase(2026, 4, 5)]
    [TestCase(2027, 3, 28)]
    [TestCase(2038, 4, 25)]
    public void EasterSunday_KnownYears_IsTheKnownDate(int year, int month, int day) =>
        Assert.That(DanishHolidays.EasterSunday(year), Is.EqualTo(new DateOnly(year, month, day)));

    [TestCase("2026-01-01", true, TestName = "IsHoliday_NewYearsDay_True")]
    [TestCase("2026-04-02", true, TestName = "IsHoliday_MaundyThursday_True")]
    [TestCase("2026-04-03", true, TestName = "IsHoliday_GoodFriday_True")]
    [TestCase("2026-04-06", true, TestName = "IsHoliday_EasterMonday_True")]
    [TestCase("2026-05-14", true, TestName = "IsHoliday_AscensionDay_True")]
    [TestCase("2026-05-25", true, TestName = "IsHoliday_WhitMonday_True")]
    [TestCase("2026-12-25", true, TestName = "IsHoliday_ChristmasDay_True")]
    [TestCase("2026-12-26", true, TestName = "IsHoliday_BoxingDay_True")]
    [TestCase("2023-05-05", true, TestName = "IsHoliday_GreatPrayerDay2023_True")]
    [TestCase("2024-04-26", false, TestName = "IsHoliday_GreatPrayerDayAbolishedFrom2024_False")]
    [TestCase("2026-06-05", false, TestName = "IsHoliday_ConstitutionDay_False")]
    [TestCase("2026-12-24", false, TestName = "IsHoliday_ChristmasEve_False")]
    [TestCase("2026-04-07", false, TestName = "IsHoliday_TuesdayAfterEaster_False")]
    public void IsHoliday_KnownDays_TrueOnlyForPublicHolidays(string day, bool expected) =>
        Assert.That(DanishHolidays.IsHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));

    [Test]
    public void WorkingDays_OverEaster_CountsNeitherTheWeekendNorTheHolidays()
    {
        // Wednesday 1 April 2026 to Tuesday 7 April: Thursday, Friday and Monday are holidays, so one working day.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WorkingDays.MoreThan(0, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 7)), Is.True);
            Assert.That(WorkingDays.MoreThan(1, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 7)), Is.False);
        }
    }
}
