namespace Gateway.Domain.Agreements;

/// <summary>
/// The value an amendment gives a field that may be empty (no end date, no contact): a field of an amendment is either
/// absent, and left as it is, or one of these, whose <paramref name="Value"/> may be null to empty it.
/// </summary>
/// <param name="Value">The new value; null for none.</param>
/// <typeparam name="T">The field's type.</typeparam>
public readonly record struct Replacement<T>(T Value);
