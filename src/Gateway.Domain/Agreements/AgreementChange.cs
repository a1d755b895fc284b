namespace Gateway.Domain.Agreements;

/// <summary>
/// One field an amendment changed, with its value before and after as the history keeps them: names in ordinal order
/// and comma-separated for operations and case types, days as <c>yyyy-MM-dd</c>, null for none (no end date, no
/// contact). Text, so that a history row stays readable whatever the types become.
/// </summary>
/// <param name="Field">The field.</param>
/// <param name="Before">Its value before the amendment.</param>
/// <param name="After">Its value after it.</param>
public sealed record AgreementChange(AgreementField Field, string? Before, string? After);
