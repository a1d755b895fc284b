using System.Globalization;

namespace Gateway.Domain.Text;

/// <summary>How the gateway measures and judges text that callers send: as XML Schema does, in characters.</summary>
public static class PlainText
{
    /// <summary>
    /// The length in characters (Unicode scalar values), as XSD's length facets count it: a character outside the
    /// Basic Multilingual Plane (an emoji, say) is one character, not the two UTF-16 code units <see cref="string.Length"/> counts.
    /// </summary>
    public static int Length(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Whether <paramref name="c"/> cannot be shown as itself on one line: a control character, an invisible format
    /// character (bidirectional overrides, zero-width characters), or a line or paragraph separator.
    /// </summary>
    public static bool IsUnprintable(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
