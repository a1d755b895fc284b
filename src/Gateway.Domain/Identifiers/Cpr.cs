using System.Text.RegularExpressions;

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
    /// decimal digits of any script (full-width and Arabic-Indic digits included), whether written together or split by
    /// up to three spaces, dashes, dots or slashes between digits (<c>010190-1234</c>, <c>01 01 90 1234</c>,
    /// <c>01.01.90–1234</c>). A run with a digit too many is still one: a caller's typo quoted back in a fault text.
    /// </summary>
    public static string MaskWithin(string text) => DigitRun().Replace(text, m =>
    {
        var digits = m.Value.Where(char.IsDigit).Take(6).Select(d => (char)('0' + (int)char.GetNumericValue(d)));
        return string.Concat(digits) + "-xxxx";
    });

    // \s covers every Unicode space (no-break and thin spaces too); \p{Pd} every dash; U+2212 is the minus sign.
    [GeneratedRegex(@"(?<!\p{Nd})\p{Nd}(?:[\s\p{Pd}.\u2212\uFF0E/]{0,3}\p{Nd}){9,}(?!\p{Nd})")]
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
