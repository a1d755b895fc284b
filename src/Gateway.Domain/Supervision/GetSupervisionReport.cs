using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Supervision;

/// <summary>
/// The GetSupervisionReport operation (contract 1.4): the figures of <see cref="SupervisionFigures"/> for one responsible
/// authority and period, within the agreement's supervision scope. The figures name no citizen; the read is in the
/// access log, with the authority read about, before the answer leaves.
/// </summary>
public sealed class GetSupervisionReport(
    ISupervisionStore store, IAccessLog accessLog, SupervisionPolicy policy, RegistrationPolicy registrationPolicy, TimeProvider clock)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(GetSupervisionReport);

    /// <summary>The report of <paramref name="authority"/> from <paramref name="from"/> to <paramref name="to"/>, both included, for the caller of <paramref name="context"/>.</summary>
    public async Task<Outcome<SupervisionReport>> HandleAsync(
        Agreement agreement, CallerContext context, AuthorityId authority, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var violations = SupervisionRequests.AuthorityProblems(authority).ToList();
        violations.AddRange(SupervisionRequests.PeriodProblems(from, to, registrationPolicy, clock.GetUtcNow()));

        if (violations.Count > 0)
        {
            return new Refusal(FaultCodes.RuleViolation, violations);
        }

        var accessor = new Accessor(agreement, context, Operation, clock.GetUtcNow());
        if (await SupervisionRequests.AdmitAsync(store, accessLog, accessor, authority, askedCpr: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var report = await store.ReportAsync(authority, from, to, policy.OverdueAfterMonths, registrationPolicy.NextContactWarningMonths, cancellationToken);
        await accessLog.RecordAsync([accessor.Entry(null, null, AccessOutcome.Ok, authority)], cancellationToken);
        return report;
    }
}
