using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Registrations;

/// <summary>One agreement on the further course (item 7).</summary>
public sealed record CourseAgreementItem(CourseAgreementKind Kind, string Text, DateOnly? Deadline);
