namespace Gateway.Cli.Schema;

/// <summary>What <c>gatewayctl migrate</c> did.</summary>
/// <param name="Applied">The scripts applied now, in order; empty when the schema was up to date.</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied);
