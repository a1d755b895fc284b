namespace Gateway.Domain.Registrations;

/// <summary>The configurable thresholds of the registration rules (configuration section <c>Gateway:Registration</c>).</summary>
public sealed class RegistrationPolicy
{
    /// <summary>
    /// A registration received more than this many working days (Monday-Friday, Danish public holidays excepted) after the interview is late:
    /// accepted, flagged and counted in supervision. Default 2, the project's reading of "in immediate
    /// continuation of the interview".
    /// </summary>
    public int LateAfterWorkingDays { get; set; } = 2;

    /// <summary>A next contact planned more than this many months after the interview gives a warning. Default 3.</summary>
    public int NextContactWarningMonths { get; set; } = 3;

    /// <summary>No interview is registered as held before this date, when the order took effect. Default 2005-09-01.</summary>
    public DateOnly EarliestInterviewDate { get; set; } = new(2005, 9, 1);

    /// <summary>
    /// The time zone whose calendar days count (<see cref="Calendar.DanishCalendar"/>): "today" for interview dates,
    /// agreements' validity, usage days and expiry. Default Europe/Copenhagen.
    /// </summary>
    public string TimeZone { get; set; } = Calendar.DanishCalendar.DefaultTimeZone;
}
