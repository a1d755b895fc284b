namespace Gateway.Domain.Calendar;

/// <summary>Counting working days for the late-registration rule.</summary>
/// <remarks>Working days are Monday to Friday, except the Danish public holidays (<see cref="DanishHolidays"/>).</remarks>
public static class WorkingDays
{
    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DanishHolidays.IsHoliday(day);

    /// <summary>
    /// Whether more than <paramref name="count"/> working days lie after <paramref name="from"/> up to and including
    /// <paramref name="to"/>. Total for every pair of dates, and cheap: it looks at no more days than it takes to pass
    /// <paramref name="count"/>, however far apart the dates are, and never steps past <paramref name="to"/>.
    /// </summary>
    public static bool MoreThan(int count, DateOnly from, DateOnly to)
    {
        var seen = 0;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day) && ++seen > count)
            {
                return true;
            }
        }

        return false;
    }
}
