using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Registrations;

/// <summary>Job-search behaviour (item 11).</summary>
public sealed record JobSearchItem(JobSearchAssessment Assessment, string? Text);
