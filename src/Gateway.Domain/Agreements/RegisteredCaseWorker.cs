using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Agreements;

/// <summary>
/// A case worker's personal client certificate, registered by an operator to one authority and a case-worker id: what
/// signs a person in to the registration tool. Like an IT system's certificate, revocation is final.
/// </summary>
/// <param name="Thumbprint">SHA-256 of the certificate's DER encoding, upper-case hex.</param>
/// <param name="Authority">The authority the case worker works for (a municipality, an Employment Service unit or an other actor).</param>
/// <param name="CaseWorkerId">The case worker's id, recorded on every version and access-log entry the case worker makes.</param>
/// <param name="Subject">The certificate's subject, for people.</param>
/// <param name="NotBefore">Start of its validity.</param>
/// <param name="NotAfter">End of its validity.</param>
/// <param name="AddedAt">When the operator registered it.</param>
/// <param name="AddedBy">The operator who registered it.</param>
/// <param name="RevokedAt">When it was revoked; null while it is not.</param>
/// <param name="RevokedBy">Who revoked it.</param>
/// <param name="RevokedReason">Why.</param>
public sealed record RegisteredCaseWorker(
    string Thumbprint, AuthorityId Authority, string CaseWorkerId, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    DateTimeOffset AddedAt, string AddedBy, DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokedReason)
{
    /// <summary>Whether an operator has revoked it.</summary>
    public bool Revoked => RevokedAt is not null;
}
