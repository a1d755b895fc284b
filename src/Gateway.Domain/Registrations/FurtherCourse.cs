namespace Gateway.Domain.Registrations;

/// <summary>Agreements on the further course (item 7), or the reason there are none.</summary>
public sealed record FurtherCourse(IReadOnlyList<CourseAgreement> Agreements, string? NoAgreementReason);
