namespace Gateway.Domain.Registrations;

/// <summary>Counting working days for the late-registration rule.</summary>
/// <remarks>Working days are Monday to Friday, except the Danish public holidays (<see cref="DanishHolidays"/>).</remarks>
public static class WorkingDays
{
    /// <summary>The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DanishHolidays.IsHoliday(day))
            {
                count++;
            }
        }

        return count;
    }
}
