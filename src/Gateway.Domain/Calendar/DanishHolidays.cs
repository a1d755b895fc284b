namespace Gateway.Domain.Calendar;

/// <summary>
/// The Danish public holidays (helligdage) that are not working days: New Year's Day, Maundy Thursday, Good Friday,
/// Easter Sunday and Monday, Great Prayer Day (until 2023; abolished from 2024), Ascension Day, Whit Sunday and
/// Monday, Christmas Day and Boxing Day. Constitution Day and Christmas Eve are not public holidays and count.
/// </summary>
public static class DanishHolidays
{
    /// <summary>Whether <paramref name="day"/> is a Danish public holiday.</summary>
    public static bool IsHoliday(DateOnly day)
    {
        if ((day.Month, day.Day) is (1, 1) or (12, 25) or (12, 26))
        {
            return true;
        }

        var fromEaster = day.DayNumber - EasterSunday(day.Year).DayNumber;
        return fromEaster is -3 or -2 or 0 or 1 or 39 or 49 or 50 || (fromEaster == 26 && day.Year <= 2023);
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
