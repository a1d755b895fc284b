using System.Security.Cryptography;
using System.Text;

namespace Gateway.Domain.Registrations;

/// <summary>
/// What makes two writes "the same content" for idempotency (domain.md § 5): the operation, who asks (acting authority,
/// principal, case worker) and every registered item; for a correction or cancellation also the registration, the
/// version the caller saw and the reason. The call id is left out on purpose: a retry is a new call of the same write.
/// </summary>
/// <remarks>
/// <para>
/// The rule: the fingerprint is the SHA-256, in upper-case hex, of the UTF-8 text of form v1 of the write
/// (<see cref="CanonicalRequest"/>). That text is a line <c>v1</c>, then one <c>name=value</c> line per field in a fixed
/// order: <c>operation</c>, <c>actingAuthority.kind</c>, <c>actingAuthority.code</c>, <c>principal</c> (its kind and
/// code, or <c>principal=null</c>), <c>caseWorkerId</c>; then for a correction or cancellation <c>registrationId</c>,
/// <c>version</c>, <c>reason</c>; then, for a registration or correction, the items of § 2 stk. 2 in order under
/// <c>interview.</c>. A text is written as its UTF-8 length, a colon and the text; an absent value as <c>null</c>; a
/// code as its member name; a date as <c>yyyy-MM-dd</c>; a list as its count followed by its items as
/// <c>name[i]…</c>. The form depends on the values only: adding, renaming or reordering a property of
/// <see cref="Interview"/> changes no fingerprint until someone writes the new property into a new form.
/// </para>
/// <para>
/// Fingerprints already stored: <c>write_request.fingerprint</c> is append-only hex and does not say which form it was
/// made in. Releases before v1 stored form v0 (<see cref="LegacyRequestJson"/>, frozen), so a write is also fingerprinted
/// in v0 (<see cref="Legacy"/>), and a stored fingerprint is recognised when it equals the write's fingerprint in either
/// form: a retry of a write stored before the upgrade still gets its first receipt. Forms hash different texts (v0 starts
/// with <c>{</c>, v1 with <c>v1</c>), so one form's fingerprint never equals another's by accident, and only
/// <see cref="Value"/> is ever stored. A later form v2 adds its own line here; the older forms stay recognised.
/// </para>
/// </remarks>
/// <param name="Value">The fingerprint in form v1, stored with the write.</param>
/// <param name="Legacy">The fingerprint in form v0, as releases before v1 stored it; only ever compared.</param>
public sealed record RequestFingerprint(string Value, string Legacy)
{
    /// <summary>The fingerprint of a RegisterInterview write.</summary>
    public static RequestFingerprint OfRegistration(Caller caller, Interview interview) =>
        new(Hash(CanonicalRequest.OfRegistration(caller, interview)), Hash(LegacyRequestJson.OfRegistration(caller, interview)));

    /// <summary>The fingerprint of a CorrectInterview write.</summary>
    public static RequestFingerprint OfCorrection(Caller caller, Guid registrationId, int version, string reason, Interview interview) =>
        new(Hash(CanonicalRequest.OfCorrection(caller, registrationId, version, reason, interview)),
            Hash(LegacyRequestJson.OfCorrection(caller, registrationId, version, reason, interview)));

    /// <summary>The fingerprint of a CancelInterview write.</summary>
    public static RequestFingerprint OfCancellation(Caller caller, Guid registrationId, int version, string reason) =>
        new(Hash(CanonicalRequest.OfCancellation(caller, registrationId, version, reason)),
            Hash(LegacyRequestJson.OfCancellation(caller, registrationId, version, reason)));

    /// <summary>Whether <paramref name="stored"/>, the fingerprint of an earlier write, is this write's in any form.</summary>
    public bool Recognises(string stored) =>
        string.Equals(stored, Value, StringComparison.Ordinal) || string.Equals(stored, Legacy, StringComparison.Ordinal);

    private static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
