using System.Text;
using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>
/// The one decoding of a request body. Its bytes become text exactly once, here, and that text is what the schema
/// validates, the operation reads and the store keeps. UTF-8 (with or without a byte-order mark) and UTF-16 with a
/// byte-order mark are accepted; the XML declaration's encoding and the Content-Type charset, where given, must name
/// the same encoding. Anything else is refused rather than guessed at.
/// </summary>
internal static class MessageText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="body"/>, sent with the Content-Type charset <paramref name="charset"/> (null when none).</summary>
    public static Outcome<string> Decode(ReadOnlySpan<byte> body, string? charset)
    {
        if (Detect(body) is not var (encoding, bomLength, names))
        {
            return new Refusal(FaultCodes.UnsupportedEncoding);
        }

        if (charset is { Length: > 0 } && !names.Contains(charset.Trim().Trim('"'), StringComparer.OrdinalIgnoreCase))
        {
            return new Refusal(FaultCodes.UnsupportedEncoding);
        }

        string text;
        try
        {
            text = encoding.GetString(body[bomLength..]);
        }
        catch (DecoderFallbackException)
        {
            // Bytes that are not text in the encoding they claim: the document is not well-formed, unless it says it
            // is in another encoding, which is the better answer (ISO-8859-1 declared, say).
            return Disagrees(Lenient(encoding).GetString(body[bomLength..]), names)
                ? new Refusal(FaultCodes.UnsupportedEncoding)
                : new Refusal(FaultCodes.MalformedXml);
        }

        // The whole declaration is read, however much white space pads it: a parser that honours it must not see other text.
        return Disagrees(text, names) ? new Refusal(FaultCodes.UnsupportedEncoding) : text;
    }

    private static bool Disagrees(string text, string[] names) =>
        XmlProlog.DeclaredEncoding(text) is { } declared && !names.Contains(declared, StringComparer.OrdinalIgnoreCase);

    private static Encoding Lenient(Encoding strict) =>
        strict == StrictUtf8 ? Encoding.UTF8 : strict == StrictUtf16BigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;

    // XML 1.0 appendix F: the byte-order mark, else the first bytes of "<?xml" or of the root element, tell the encoding.
    private static (Encoding Encoding, int BomLength, string[] Names)? Detect(ReadOnlySpan<byte> body) => body switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] => null, // UTF-32
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3, ["utf-8"]),
        [0xFF, 0xFE, ..] => (StrictUtf16LittleEndian, 2, ["utf-16", "utf-16le"]),
        [0xFE, 0xFF, ..] => (StrictUtf16BigEndian, 2, ["utf-16", "utf-16be"]),
        [0x3C, 0x00, ..] or [0x00, 0x3C, ..] or [0x00, 0x00, ..] => null, // UTF-16 or UTF-32 without a byte-order mark
        [0x4C, 0x6F, 0xA7, 0x94, ..] => null, // EBCDIC "<?xm"
        _ => (StrictUtf8, 0, ["utf-8"]),
    };
}
