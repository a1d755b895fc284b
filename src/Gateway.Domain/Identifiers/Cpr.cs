using System.Text;
using System.Text.RegularExpressions;
using Gateway.Domain.Text;

namespace Gateway.Domain.Identifiers;

/// <summary>
/// CPR numbers: 10 digits DDMMYYSSSS. The first six digits must be a real date; the century follows from the
/// 7th digit. There is no modulus-11 check: Denmark stopped guaranteeing it in 2007.
/// </summary>
public static partial class Cpr
{
    /// <summary>Whether <paramref name="value"/> has the form of a CPR number with a real birth date.</summary>
    public static bool IsValid(string? value) => BirthDate(value) is not null;

    /// <summary>The birth date encoded in a CPR number, or null when the value is not a valid CPR number.</summary>
    public static DateOnly? BirthDate(string? value)
    {
        if (value is not { Length: 10 } || !value.All(char.IsAsciiDigit))
        {
            return null;
        }

        var day = Digits(value, 0);
        var month = Digits(value, 2);
        var yearInCentury = Digits(value, 4);
        var century = Century(value[6] - '0', yearInCentury);
        var year = century + yearInCentury;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>
    /// The form of a CPR number that may appear in logs, traces and fault texts: the birth date part only
    /// (<c>010190-xxxx</c>). Anything that is not 10 digits is masked whole.
    /// </summary>
    public static string Mask(string? value) =>
        value is { Length: 10 } && value.All(char.IsAsciiDigit) ? value[..6] + "-xxxx" : "xxxxxx-xxxx";

    /// <summary>
    /// The text with everything that could be a CPR number masked as by <see cref="Mask"/>: every run of ten or more
    /// digits, whether written together or with up to sixteen other characters between digits (spaces, dashes, dots,
    /// slashes, commas, colons, zero-width and other invisible characters, combining marks: anything but visible
    /// letters; the letters that render as nothing, such as the Hangul fillers, count as invisible). Every
    /// character that stands for a digit counts as one: digits of any script, full-width, superscript, circled and
    /// mathematical digits; in the returned text they are written as ASCII digits. A run with a digit too many is still
    /// one: a caller's typo quoted back in a fault text.
    /// </summary>
    public static string MaskWithin(string text) => DigitRun().Replace(AsciiDigits(text), m =>
        m.Value.Count(char.IsAsciiDigit) < 10 ? m.Value : string.Concat(m.Value.Where(char.IsAsciiDigit).Take(6)) + "-xxxx");

    // Every character whose numeric value is a single digit (categories Nd and No) becomes that ASCII digit, and every
    // character that renders as nothing (PlainText.IsInvisible: a Hangul filler is a letter by category) becomes a space.
    private static string AsciiDigits(string text)
    {
        StringBuilder? mapped = null;
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var value = Rune.GetNumericValue(rune);
            var isDigit = !rune.IsAscii && value is >= 0 and <= 9 && value == Math.Floor(value)
                && Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.OtherNumber;
            if (isDigit)
            {
                mapped ??= new StringBuilder(text, 0, at, text.Length);
                mapped.Append((char)('0' + (int)value));
            }
            else if (!rune.IsAscii && Rune.IsLetter(rune) && PlainText.IsInvisible(rune))
            {
                mapped ??= new StringBuilder(text, 0, at, text.Length);
                mapped.Append(' ');
            }
            else
            {
                mapped?.Append(rune.ToString());
            }

            at += rune.Utf16SequenceLength;
        }

        return mapped?.ToString() ?? text;
    }

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[^\p{L}0-9]{0,16}[0-9]){9,}(?![0-9])")]
    private static partial Regex DigitRun();

    // The century rule of the CPR office: the 7th digit with the two-digit year decides it.
    private static int Century(int seventhDigit, int yearInCentury) => seventhDigit switch
    {
        <= 3 => 1900,
        4 or 9 => yearInCentury <= 36 ? 2000 : 1900,
        _ => yearInCentury <= 57 ? 2000 : 1800,
    };

    private static int Digits(string value, int start) => ((value[start] - '0') * 10) + (value[start + 1] - '0');
}
