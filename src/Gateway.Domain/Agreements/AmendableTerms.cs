namespace Gateway.Domain.Agreements;

/// <summary>
/// The fields an amendment may change (<see cref="AgreementField"/>), each with how the history writes its value and
/// whether a change of it widens what the agreement admits (domain.md § 7: widening a Production agreement is approved
/// as a new one is). One table, so that a new amendable field cannot be added without saying both.
/// </summary>
public static class AmendableTerms
{
    private sealed record Term(AgreementField Field, Func<Agreement, string?> Text, Func<Agreement, Agreement, bool> Widens);

    private static readonly Term[] Terms =
    [
        // More operations or case types widen, whatever is taken away beside them.
        new(AgreementField.Operations, a => Names(a.Operations), (before, after) => !after.Operations.IsSubsetOf(before.Operations)),
        new(AgreementField.CaseTypes, a => Names(a.CaseTypes.Select(c => c.ToString())), (before, after) => !after.CaseTypes.IsSubsetOf(before.CaseTypes)),
        new(AgreementField.ReadScope, a => a.ReadScope.ToString(),
            (before, after) => after.ReadScope == ReadScope.AllCitizens && before.ReadScope != ReadScope.AllCitizens),
        new(AgreementField.ValidFrom, a => Day(a.ValidFrom), (before, after) => after.ValidFrom < before.ValidFrom),
        // No end date is the latest end of all: removing one widens, setting one where there was none narrows.
        new(AgreementField.ValidTo, a => a.ValidTo is { } to ? Day(to) : null,
            (before, after) => before.ValidTo is { } end && (after.ValidTo is not { } newEnd || newEnd > end)),
        // Who to write to and under which contract admit nothing.
        new(AgreementField.Contact, a => a.Contact, (_, _) => false),
        new(AgreementField.ContractReference, a => a.ContractReference, (_, _) => false),
    ];

    /// <summary>The amendable fields whose values differ between <paramref name="before"/> and <paramref name="after"/>, in the order of <see cref="AgreementField"/>.</summary>
    public static IReadOnlyList<AgreementChange> Changes(Agreement before, Agreement after) =>
        [.. Terms.Select(t => new AgreementChange(t.Field, t.Text(before), t.Text(after))).Where(c => !string.Equals(c.Before, c.After, StringComparison.Ordinal))];

    /// <summary>The fields whose change from <paramref name="before"/> to <paramref name="after"/> lets the agreement admit a call it did not admit before.</summary>
    public static IReadOnlyList<AgreementField> Widening(Agreement before, Agreement after) =>
        [.. Terms.Where(t => t.Widens(before, after)).Select(t => t.Field)];

    private static string Names(IEnumerable<string> names) => string.Join(",", names.Order(StringComparer.Ordinal));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
