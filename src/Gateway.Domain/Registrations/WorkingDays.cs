namespace Gateway.Domain.Registrations;

/// <summary>Counting working days for the late-registration rule.</summary>
/// <remarks>Working days are Monday to Friday. Public holidays are not yet excluded (noted in docs/integration.md).</remarks>
public static class WorkingDays
{
    /// <summary>The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }
}
