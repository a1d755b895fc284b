using System.Text.RegularExpressions;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>Looks at what precedes the root element of a decoded XML document: its declaration and any DTD.</summary>
internal static partial class XmlProlog
{
    /// <summary>Whether the document declares a DTD (<c>&lt;!DOCTYPE</c> before the root element).</summary>
    /// <remarks>The parser refuses DTDs too; this check exists so the refusal has its own fault code without reading the parser's message text.</remarks>
    public static bool DeclaresDtd(ReadOnlySpan<char> text)
    {
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

    /// <summary>The encoding named by the XML declaration at the very start of <paramref name="text"/>, or null when it names none.</summary>
    public static string? DeclaredEncoding(string text)
    {
        var match = Declaration().Match(text);
        return match.Success && match.Groups["encoding"].Success ? match.Groups["encoding"].Value : null;
    }

    private static int Skip(ReadOnlySpan<char> text, int from, string end)
    {
        var at = text[from..].IndexOf(end, StringComparison.Ordinal);
        return at < 0 ? text.Length : from + at + end.Length;
    }

    // XML 1.0 § 2.8 and § 4.3.3: the declaration comes first, version before encoding.
    [GeneratedRegex("""\A<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"[^"]*"|'[^']*')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"(?<encoding>[^"]*)"|'(?<encoding>[^']*)'))?""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Declaration();
}
