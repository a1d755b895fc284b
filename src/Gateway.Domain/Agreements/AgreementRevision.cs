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
    /// Why the amendment cannot be made; empty when it can. An agreement whose lifecycle has ended stays as it ended; an
    /// amendment that changes nothing is refused rather than recorded; what is left must meet the rules a request meets.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        if (!AgreementLifecycle.Amendable(Before.Status))
        {
            return [$"It is {Before.Status}, and only a {string.Join(", ", AgreementLifecycle.AmendableStatuses.SkipLast(1))} or {AgreementLifecycle.AmendableStatuses[^1]} agreement can be amended; request a new agreement for the new terms."];
        }

        if (Changes.Count == 0)
        {
            return ["It changes nothing: the agreement already has every value given."];
        }

        return [.. AgreementRules.TermProblems(After.Operations, After.ValidFrom, After.ValidTo)];
    }
}
