namespace Gateway.Cli.Audit;

/// <summary>What <c>gatewayctl audit seal</c> did.</summary>
/// <param name="Sealed">The entries it linked into the chain now.</param>
public sealed record SealResult(int Sealed);
