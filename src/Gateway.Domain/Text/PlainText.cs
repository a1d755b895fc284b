using System.Globalization;
using System.Text;

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
    /// Whether <paramref name="rune"/> shows nothing of itself on a line: a control character, an invisible format character
    /// (bidirectional overrides, zero-width characters, tags), a line or paragraph separator, a private-use or unassigned
    /// code point, or one of the characters that are letters, marks or symbols by category but render as nothing (the
    /// Unicode default-ignorable ones such as the combining grapheme joiner, variation selectors and the Hangul fillers,
    /// and the blank braille pattern).
    /// </summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x2800 or 0x3164
            or (>= 0xFE00 and <= 0xFE0F) or 0xFFA0 or (>= 0xE0000 and <= 0xE0FFF);
}
