namespace Gateway.Domain.Agreements;

/// <summary>
/// An agreement before and after an amendment (<see cref="AgreementAmendment.Revise"/>): what changes, whether it widens
/// what the agreement admits, and whether it may be made at all.
/// </summary>
/// <param name="before">The agreement as it is.</param>
/// <param name="after">The agreement as amended.</param>
public sealed class AgreementRevision(Agreement before, Agreement after)
{
    /// <summary>The agreement as it is.</summary>
    public Agreement Before { get; } = before;

    /// <summary>The agreement as amended.</summary>
    public Agreement After { get; } = after;

    /// <summary>Each field that changes, with its value before and after: what the history records.</summary>
    public IReadOnlyList<AgreementChange> Changes { get; } = AmendableTerms.Changes(before, after);

    /// <summary>The fields whose change widens what the agreement admits; empty for a narrowing or a change of contact or contract reference.</summary>
    public IReadOnlyList<AgreementField> Widening { get; } = AmendableTerms.Widening(before, after);

    /// <summary>
    /// Why the amendment cannot be made; empty when it can. An agreement whose lifecycle has ended stays as it ended, and
    /// so does an Active one whose end date is before <paramref name="today"/>, expired although not yet recorded so; an
    /// amendment that changes nothing is refused rather than recorded; what is left must meet the rules a request meets.
    /// </summary>
    /// <param name="today">Today in Denmark.</param>
    public IReadOnlyList<string> Problems(DateOnly today)
    {
        var amendable = $"only a {string.Join(", ", AgreementLifecycle.AmendableStatuses.SkipLast(1))} or {AgreementLifecycle.AmendableStatuses[^1]} agreement can be amended; request a new agreement for the new terms.";
        if (!AgreementLifecycle.Amendable(Before.Status))
        {
            return [$"It is {Before.Status}, and {amendable}"];
        }

        // Expired whether or not the sweep has recorded it yet: otherwise a new end date given before the sweep ran would
        // revive it, and the same amendment would be refused a few minutes later.
        if (AgreementLifecycle.ExpiredUnrecorded(Before, today))
        {
            return [$"Its end date, {Before.ValidTo:yyyy-MM-dd}, has passed, so it is Expired (the gateway's sweep records that within 10 minutes, `gatewayctl agreements expire` at once), and {amendable}"];
        }

        if (Changes.Count == 0)
        {
            return ["It changes nothing: the agreement already has every value given."];
        }

        return [.. AgreementRules.TermProblems(After.Operations, After.ValidFrom, After.ValidTo)];
    }
}
