using System.Globalization;
using System.Text;
using Gateway.Domain.Text;

namespace Gateway.Cli.Output;

/// <summary>
/// Stored text as a terminal may show it: one line that says exactly what is stored, so that no stored value can end
/// a row, start a forged one, recolour the terminal or reverse what follows. Line breaks and tabs are written
/// <c>\n</c>, <c>\r</c>, <c>\t</c>; every other control, invisible format or separator character as <c>\uXXXX</c>; and a
/// backslash as <c>\\</c>, so that a stored backslash can never pass for an escape.
/// </summary>
public static class PrintableText
{
    /// <summary>The text with every character that could alter the output escaped.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(c => c == '\\' || PlainText.IsUnprintable(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => @"\\",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when PlainText.IsUnprintable(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
