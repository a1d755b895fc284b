namespace Gateway.Domain.Registrations;

/// <summary>An employment goal (item 5): a DISCO-88 occupation code and optional text.</summary>
public sealed record EmploymentGoalItem(string OccupationCode, string? Text);
