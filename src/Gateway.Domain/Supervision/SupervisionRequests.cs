using Gateway.Contracts.CodeLists;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Supervision;

/// <summary>
/// The checks both supervision operations make of what they are asked, and whom they admit, in this order;
/// <c>gatewayctl supervision</c> checks its periods here too.
/// </summary>
public static class SupervisionRequests
{
    /// <summary>The longest period one report covers.</summary>
    public const int MaxPeriodYears = 5;

    /// <summary>
    /// What is wrong with a day asked about: it must lie from 1 January of the year the order took effect (no interview
    /// is registered before <see cref="RegistrationPolicy.EarliestInterviewDate"/>) through the end of next year. The
    /// bound keeps every date computation of the figures finite (the year 1 and 9999 are refused, not computed).
    /// </summary>
    public static FieldViolation? DayProblem(string field, DateOnly day, RegistrationPolicy policy, DateTimeOffset now)
    {
        var (first, last) = (new DateOnly(policy.EarliestInterviewDate.Year, 1, 1), new DateOnly(now.Year + 1, 12, 31));
        return day < first || day > last
            ? new FieldViolation(field, "Date.OutOfRange", $"Give a day from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}: the data basis holds nothing outside it.")
            : null;
    }

    /// <summary>What is wrong with a period: its days in range (<see cref="DayProblem"/>), then, between such days, its order and length.</summary>
    public static IReadOnlyList<FieldViolation> PeriodProblems(DateOnly from, DateOnly to, RegistrationPolicy policy, DateTimeOffset now)
    {
        var outside = new[] { DayProblem("Query/From", from, policy, now), DayProblem("Query/To", to, policy, now) }.OfType<FieldViolation>().ToList();
        if (outside.Count > 0)
        {
            return outside;
        }

        return to < from ? [new("Query/To", "Period.Reversed", "The period's last day is before its first day.")]
            : to > from.AddYears(MaxPeriodYears) ? [new("Query/To", "Period.TooLong", $"A report covers at most {MaxPeriodYears} years; ask for one period at a time.")]
            : [];
    }

    /// <summary>What is wrong with the authority asked about: figures are kept for the authority responsible for registrations.</summary>
    public static IEnumerable<FieldViolation> AuthorityProblems(AuthorityId authority)
    {
        if (authority.Kind is not (AuthorityKind.Municipality or AuthorityKind.EmploymentServiceUnit))
        {
            yield return new("Query/Authority/Kind", "Supervision.NotResponsible",
                "Supervision figures are kept for a municipality or an Employment Service unit, the authority responsible for registrations; an other actor's registrations count for its principal.");
        }
        else if (AuthorityId.Check(authority.Kind, authority.Code) is (false, var rule))
        {
            yield return new("Query/Authority/Code", "Authority.Invalid", rule);
        }
    }

    /// <summary>
    /// Whether the agreement may read about <paramref name="authority"/>, and whether it is registered. A refusal for
    /// the scope is recorded in the access log as the other reads' are; so is every admitted read, by the caller.
    /// </summary>
    internal static async Task<Refusal?> AdmitAsync(
        ISupervisionStore store, IAccessLog accessLog, Accessor accessor, AuthorityId authority, bool askedCpr, CancellationToken cancellationToken)
    {
        var refusal = AgreementDecisions.AdmitSupervision(accessor.Agreement, accessor.Context, authority)
            ?? AgreementDecisions.AdmitOverdueCpr(accessor.Agreement, askedCpr);
        if (refusal is not null)
        {
            await accessLog.RecordAsync([accessor.Entry(null, null, AccessOutcome.Of(refusal), authority)], cancellationToken);
            return refusal;
        }

        return await store.IsRegisteredAsync(authority, cancellationToken)
            ? null
            : new Refusal(FaultCodes.RuleViolation, [new FieldViolation("Query/Authority", "Authority.Unknown", "No municipality or Employment Service unit with this code is registered.")]);
    }
}
