namespace Gateway.Domain.Agreements;

/// <summary>The lifecycle of domain.md § 7 in one table: which action moves an agreement from which status to which, and in which statuses its terms may be amended.</summary>
public static class AgreementLifecycle
{
    private static readonly Dictionary<(AgreementStatus, AgreementAction), AgreementStatus> Transitions = new()
    {
        [(AgreementStatus.Requested, AgreementAction.Approve)] = AgreementStatus.Active,
        [(AgreementStatus.Requested, AgreementAction.Reject)] = AgreementStatus.Rejected,
        [(AgreementStatus.Active, AgreementAction.Suspend)] = AgreementStatus.Suspended,
        [(AgreementStatus.Suspended, AgreementAction.Resume)] = AgreementStatus.Active,
        [(AgreementStatus.Active, AgreementAction.Terminate)] = AgreementStatus.Terminated,
        [(AgreementStatus.Suspended, AgreementAction.Terminate)] = AgreementStatus.Terminated,
        [(AgreementStatus.Active, AgreementAction.Expire)] = AgreementStatus.Expired,
    };

    /// <summary>
    /// The statuses in which an operator may amend an agreement's terms (<see cref="AgreementAmendment"/>): any before its
    /// lifecycle has ended. A rejected, terminated or expired agreement stays as it ended, so its history says what it was.
    /// </summary>
    public static IReadOnlyList<AgreementStatus> AmendableStatuses { get; } = [AgreementStatus.Requested, AgreementStatus.Active, AgreementStatus.Suspended];

    /// <summary>The status <paramref name="action"/> leads to from <paramref name="from"/>, or null when it is not allowed.</summary>
    public static AgreementStatus? Next(AgreementStatus from, AgreementAction action) =>
        Transitions.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>The actions allowed from <paramref name="from"/>.</summary>
    public static IEnumerable<AgreementAction> AllowedFrom(AgreementStatus from) =>
        Transitions.Keys.Where(k => k.Item1 == from).Select(k => k.Item2);

    /// <summary>
    /// Whether <paramref name="agreement"/> is Expired in all but its recorded status on <paramref name="today"/>: Active
    /// with its end date passed. Calls are refused as expired from then on; the sweep (<c>agreements expire</c>) only
    /// records it. A Suspended agreement does not expire by itself.
    /// </summary>
    public static bool ExpiredUnrecorded(Agreement agreement, DateOnly today) =>
        agreement.Status == AgreementStatus.Active && agreement.ValidTo < today;

    /// <summary>Whether an agreement in <paramref name="status"/> may be amended.</summary>
    public static bool Amendable(AgreementStatus status) => AmendableStatuses.Contains(status);
}
