namespace Gateway.Cli.Systems;

/// <summary>What <c>gatewayctl systems add</c> did.</summary>
/// <param name="Id">The IT system's id.</param>
public sealed record ItSystemAdded(Guid Id);
