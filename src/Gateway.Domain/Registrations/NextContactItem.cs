using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Registrations;

/// <summary>The next contact (item 10): a planned date or an end reason, exactly one of them.</summary>
public sealed record NextContactItem(DateOnly? PlannedOn, CourseEndReason? EndReason);
