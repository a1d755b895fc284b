namespace Gateway.Domain.Agreements;

/// <summary>One change of an agreement, its status or its terms: who, when, why.</summary>
/// <param name="From">The status before; null when the agreement was requested.</param>
/// <param name="To">The status after; for an amendment, the same as <paramref name="From"/>.</param>
/// <param name="ChangedBy">The operator, or <c>gateway</c> for expiry.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="Reason">Why.</param>
public sealed record AgreementHistoryEntry(AgreementStatus? From, AgreementStatus To, string ChangedBy, DateTimeOffset ChangedAt, string Reason)
{
    /// <summary>For a change let past the production gate by an operator: what was missing and why (<see cref="Conformance.ConformanceGate"/>); otherwise null.</summary>
    public string? ConformanceOverride { get; init; }

    /// <summary>For an amendment, each field it changed with its value before and after; empty for a change of status.</summary>
    public IReadOnlyList<AgreementChange> Changes { get; init; } = [];
}
