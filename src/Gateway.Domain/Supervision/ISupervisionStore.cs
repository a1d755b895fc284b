using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Supervision;

/// <summary>Where the supervision figures are computed: in the database, from the registrations' latest versions.</summary>
public interface ISupervisionStore
{
    /// <summary>Whether <paramref name="authority"/> is in the authority register.</summary>
    Task<bool> IsRegisteredAsync(AuthorityId authority, CancellationToken cancellationToken);

    /// <summary>The report of <paramref name="authority"/> from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    Task<SupervisionReport> ReportAsync(
        AuthorityId authority, DateOnly from, DateOnly to, int overdueAfterMonths, int nextContactLimitMonths, CancellationToken cancellationToken);

    /// <summary>One page of the overdue list of <paramref name="authority"/> on <paramref name="asOf"/>, after <paramref name="after"/>.</summary>
    Task<OverduePage> OverdueCitizensAsync(
        AuthorityId authority, DateOnly asOf, int overdueAfterMonths, OverdueCursor? after, int pageSize, CancellationToken cancellationToken);
}
