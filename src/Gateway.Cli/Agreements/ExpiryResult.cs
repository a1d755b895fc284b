namespace Gateway.Cli.Agreements;

/// <summary>What <c>gatewayctl agreements expire</c> did.</summary>
/// <param name="Today">The Danish day it went by: agreements whose last day was before it expired.</param>
/// <param name="Expired">The agreements it turned Expired.</param>
public sealed record ExpiryResult(DateOnly Today, IReadOnlyList<Guid> Expired);
