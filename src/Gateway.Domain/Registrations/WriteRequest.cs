namespace Gateway.Domain.Registrations;

/// <summary>A write as the caller identifies it (domain.md § 5): its agreement, its request id, and a fingerprint of what it asks for.</summary>
/// <param name="AgreementId">The agreement the write is made under; request ids are the caller's, so they are unique per agreement.</param>
/// <param name="RequestId">The caller's id of the write.</param>
/// <param name="Fingerprint">The fingerprint of the write's content (see <see cref="RequestFingerprint"/>).</param>
public sealed record WriteRequest(Guid AgreementId, string RequestId, RequestFingerprint Fingerprint);
