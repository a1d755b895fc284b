namespace Gateway.Domain.Agreements;

/// <summary>How many calls under one agreement, to one operation, on one day, ended one way (domain.md § 7, usage).</summary>
/// <param name="AgreementId">The agreement.</param>
/// <param name="Operation">The operation called.</param>
/// <param name="Day">The day (Danish time).</param>
/// <param name="Outcome"><c>Success</c>, or the fault code.</param>
/// <param name="Calls">How many.</param>
public sealed record UsageCount(Guid AgreementId, string Operation, DateOnly Day, string Outcome, long Calls);
