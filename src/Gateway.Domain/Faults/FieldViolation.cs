namespace Gateway.Domain.Faults;

/// <summary>One offending field: where it is in the request, which rule it broke, and what to do.</summary>
/// <param name="Field">Path of the field in the request, for example <c>Registration/Cpr</c>.</param>
/// <param name="Code">Stable code of the rule, for example <c>Cpr.InvalidDate</c>.</param>
/// <param name="Text">Human text; it never repeats a CPR number.</param>
public sealed record FieldViolation(string Field, string Code, string Text);
