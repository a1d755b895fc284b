namespace Gateway.Domain.Registrations;

/// <summary>Agreements on the further course (item 7), or the reason there are none.</summary>
public sealed record FurtherCourseItem(IReadOnlyList<CourseAgreementItem> Agreements, string? NoAgreementReason);
