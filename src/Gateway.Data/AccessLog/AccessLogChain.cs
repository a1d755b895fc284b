using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Data.AccessLog;

/// <summary>
/// The rule of the access log's hash chain, the one place both <see cref="AccessLogSealer"/> and
/// <see cref="AccessLogVerifier"/> take it from. Link <c>seq</c> is
/// <c>SHA-256(previous hash ‖ UTF-8(JSON array))</c>, the previous hash of link 1 being 32 zero bytes, and the array
/// being, in this order: seq, id (numbers); xid (decimal string); recorded_at (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, UTC);
/// agreement_id, it_system_id; authority_kind, authority_code, principal_kind, principal_code, case_worker_id,
/// call_id, operation, cpr; registration_id; outcome; and, only for an entry that names one (a supervision read,
/// from contract 1.4), subject_kind and subject_code. Ids are lower-case UUIDs with hyphens; absent values are
/// <c>null</c>. Entries without a subject hash exactly as they did before subjects existed.
/// </summary>
/// <remarks>
/// The JSON is written here by hand in the canonical form of RFC 8785 (no whitespace; strings escape only quote,
/// backslash and control characters, as <c>\b \t \n \f \r</c> or <c>\u00xx</c>), not by a serializer whose escaping
/// may change between .NET versions: the rule must hold for every chain already stored, and be re-computable outside
/// the gateway. Changing anything here breaks every existing chain; the tests pin it with a hash computed by hand.
/// </remarks>
internal static class AccessLogChain
{
    /// <summary>The length of a link's hash, and of the genesis hash.</summary>
    public const int HashLength = 32;

    /// <summary>The "previous hash" of link 1.</summary>
    public static byte[] Genesis() => new byte[HashLength];

    /// <summary>The hash of link <paramref name="seq"/>, which seals <paramref name="entry"/> after <paramref name="previous"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> previous, long seq, AccessLogRow entry)
    {
        var json = new StringBuilder(512).Append('[');
        json.Append(seq.ToString(CultureInfo.InvariantCulture)).Append(',');
        json.Append(entry.Id.ToString(CultureInfo.InvariantCulture));
        foreach (var value in (ReadOnlySpan<string?>)[
                     entry.Xid,
                     entry.RecordedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                     entry.AgreementId.ToString("D"), entry.ItSystemId.ToString("D"),
                     entry.AuthorityKind, entry.AuthorityCode, entry.PrincipalKind, entry.PrincipalCode, entry.CaseWorkerId, entry.CallId,
                     entry.Operation, entry.Cpr, entry.RegistrationId?.ToString("D"), entry.Outcome])
        {
            AppendString(json.Append(','), value);
        }

        if (entry.SubjectKind is not null)
        {
            AppendString(json.Append(','), entry.SubjectKind);
            AppendString(json.Append(','), entry.SubjectCode);
        }

        var content = Encoding.UTF8.GetBytes(json.Append(']').ToString());
        return SHA256.HashData([.. previous, .. content]);
    }

    /// <summary>A hash as operators see and record it: lower-case hexadecimal.</summary>
    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static void AppendString(StringBuilder json, string? value)
    {
        if (value is null)
        {
            json.Append("null");
            return;
        }

        json.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\b' => json.Append("\\b"),
                '\t' => json.Append("\\t"),
                '\n' => json.Append("\\n"),
                '\f' => json.Append("\\f"),
                '\r' => json.Append("\\r"),
                < ' ' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        json.Append('"');
    }
}
