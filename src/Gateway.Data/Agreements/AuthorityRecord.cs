using Gateway.Domain.Identifiers;

namespace Gateway.Data.Agreements;

/// <summary>A registered authority with its name.</summary>
public sealed record AuthorityRecord(AuthorityId Authority, string Name);
