using System.Globalization;
using System.Text;
using Gateway.Domain.Text;

namespace Gateway.Cli.Output;

/// <summary>
/// Stored text as a terminal may show it: one line that says exactly what is stored, so that no stored value can end
/// a row, start a forged one, recolour the terminal, reverse what follows or hide part of itself. Line breaks and tabs
/// are written <c>\n</c>, <c>\r</c>, <c>\t</c>; every other character that is invisible (<see cref="PlainText.IsInvisible"/>)
/// or a space other than the plain one as <c>\uXXXX</c> (<c>\UXXXXXXXX</c> beyond the Basic Multilingual Plane); and a
/// backslash as <c>\\</c>, so that a stored backslash can never pass for an escape.
/// </summary>
public static class PrintableText
{
    /// <summary>The text with every character that could alter the output escaped.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.Value switch
            {
                '\\' => @"\\",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when PlainText.IsInvisible(rune) || (Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator && rune.Value != ' ') =>
                    rune.IsBmp ? $"\\u{rune.Value:X4}" : $"\\U{rune.Value:X8}",
                _ => rune.ToString(),
            });
        }

        return builder.ToString();
    }
}
