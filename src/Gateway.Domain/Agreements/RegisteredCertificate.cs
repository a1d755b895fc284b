namespace Gateway.Domain.Agreements;

/// <summary>A client certificate registered for an IT system.</summary>
/// <param name="Thumbprint">SHA-256 of the certificate's DER encoding, upper-case hex.</param>
/// <param name="ItSystemId">The IT system that calls with it.</param>
/// <param name="Subject">Its subject, for people.</param>
/// <param name="NotBefore">Start of its validity.</param>
/// <param name="NotAfter">End of its validity.</param>
/// <param name="Revoked">Whether an operator has revoked it.</param>
public sealed record RegisteredCertificate(string Thumbprint, Guid ItSystemId, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool Revoked);
