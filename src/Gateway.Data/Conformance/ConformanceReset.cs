namespace Gateway.Data.Conformance;

/// <summary>A reset of an IT system's conformance judgement: who, when and why.</summary>
/// <param name="ResetBy">The operator.</param>
/// <param name="ResetAt">When.</param>
/// <param name="Reason">Why.</param>
public sealed record ConformanceReset(string ResetBy, DateTimeOffset ResetAt, string Reason);
