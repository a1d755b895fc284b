using System.Text;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>Looks at what precedes the root element of an XML document, where a DTD can only be.</summary>
internal static class XmlProlog
{
    /// <summary>Whether the document declares a DTD (<c>&lt;!DOCTYPE</c> before the root element).</summary>
    /// <remarks>
    /// The parser refuses DTDs too; this check exists so the refusal has its own fault code without reading
    /// the parser's message text. A document in another encoding than UTF-8/UTF-16 is left to the parser.
    /// </remarks>
    public static bool DeclaresDtd(ReadOnlySpan<byte> body)
    {
        var text = Decode(body);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text[i..].StartsWith("<?", StringComparison.Ordinal))
            {
                i = Skip(text, i, "?>");
            }
            else if (text[i..].StartsWith("<!--", StringComparison.Ordinal))
            {
                i = Skip(text, i, "-->");
            }
            else
            {
                return text[i..].StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static int Skip(ReadOnlySpan<char> text, int from, string end)
    {
        var at = text[from..].IndexOf(end, StringComparison.Ordinal);
        return at < 0 ? text.Length : from + at + end.Length;
    }

    // Only the prolog matters, so a bounded prefix is decoded.
    private static string Decode(ReadOnlySpan<byte> body)
    {
        var prefix = body[..Math.Min(body.Length, 4096)];
        return prefix switch
        {
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(prefix[2..]),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(prefix[2..]),
            [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(prefix[3..]),
            _ => Encoding.UTF8.GetString(prefix),
        };
    }
}
