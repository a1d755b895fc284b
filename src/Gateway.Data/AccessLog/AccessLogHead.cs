namespace Gateway.Data.AccessLog;

/// <summary>
/// A link of the chain as an operator records it outside the database: its number and its hash. Checking a recorded
/// head later (<c>gatewayctl audit verify --head</c>) reveals what the chain alone cannot: removed newest links, or a
/// tail re-computed from an earlier link.
/// </summary>
/// <param name="Seq">The link's number.</param>
/// <param name="Hash">The link's SHA-256 hash, 64 hexadecimal digits.</param>
public sealed record AccessLogHead(long Seq, string Hash);
