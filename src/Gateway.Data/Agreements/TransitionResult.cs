using Gateway.Domain.Agreements;

namespace Gateway.Data.Agreements;

/// <summary>The result of a status change: the agreement after it, or null when the lifecycle does not allow it from <paramref name="From"/>.</summary>
public sealed record TransitionResult(Agreement? Agreement, AgreementStatus From);
