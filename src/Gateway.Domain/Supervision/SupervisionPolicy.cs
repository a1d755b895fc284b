namespace Gateway.Domain.Supervision;

/// <summary>
/// The configurable interval of the supervision figures (configuration section <c>Gateway:Supervision</c>); the
/// next-contact limit is the registration rules' <see cref="Registrations.RegistrationPolicy.NextContactWarningMonths"/>.
/// </summary>
public sealed class SupervisionPolicy
{
    /// <summary>
    /// A citizen whose last interview was held more than this many months before the day judged on, with no end
    /// reason, is overdue. Default <see cref="SupervisionFigures.DefaultOverdueAfterMonths"/>: the individual contact
    /// course holds an interview at least every three months.
    /// </summary>
    public int OverdueAfterMonths { get; set; } = SupervisionFigures.DefaultOverdueAfterMonths;
}
