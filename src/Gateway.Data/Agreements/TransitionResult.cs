using Gateway.Domain.Agreements;

namespace Gateway.Data.Agreements;

/// <summary>The result of a status change: the agreement after it, or null when the lifecycle does not allow it from <paramref name="From"/>.</summary>
public sealed record TransitionResult(Agreement? Agreement, AgreementStatus From)
{
    /// <summary>
    /// Whether the change was not made because the agreement's terms were amended after the production gate judged
    /// them (<see cref="Agreement"/> is then null): the judgement was of other terms than those it would have admitted.
    /// </summary>
    public bool AmendedMeanwhile { get; init; }
}
