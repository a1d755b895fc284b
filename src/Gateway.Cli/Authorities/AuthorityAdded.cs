using Gateway.Domain.Identifiers;

namespace Gateway.Cli.Authorities;

/// <summary>What <c>gatewayctl authorities add</c> did.</summary>
/// <param name="Authority">The authority.</param>
/// <param name="Name">Its name as stored.</param>
/// <param name="Added">False when it was registered already and nothing changed.</param>
public sealed record AuthorityAdded(AuthorityId Authority, string Name, bool Added);
