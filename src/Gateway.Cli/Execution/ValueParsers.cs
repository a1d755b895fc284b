using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Text;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Text;

namespace Gateway.Cli.Execution;

/// <summary>
/// Strict parsers for option values. A value that cannot be read is a usage error (exit 2) that names the option and the
/// expected form; whether a well-formed value is acceptable (a valid municipality code, a CVR check digit) is the
/// domain's decision, made later.
/// </summary>
public static class ValueParsers
{
    /// <summary><c>Kind:Code</c>, for example <c>Municipality:101</c>.</summary>
    public static AuthorityId? Authority(ArgumentResult result) => Authorities(result).FirstOrDefault();

    /// <summary>Every <c>Kind:Code</c> given.</summary>
    public static AuthorityId[] Authorities(ArgumentResult result)
    {
        var parsed = new List<AuthorityId>();
        foreach (var value in Values(result))
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == value.Length - 1 || !TryEnum<AuthorityKind>(value[..colon], out var kind))
            {
                result.AddError($"{Name(result)} takes Kind:Code with Kind one of {Names<AuthorityKind>()}, for example Municipality:101; got '{value}'.");
                return [];
            }

            parsed.Add(new AuthorityId(kind, value[(colon + 1)..]));
        }

        return [.. parsed];
    }

    /// <summary>A calendar day as YYYY-MM-DD.</summary>
    public static DateOnly? Date(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        result.AddError($"{Name(result)} takes a date as YYYY-MM-DD, for example 2025-01-31; got '{value}'.");
        return null;
    }

    /// <summary>
    /// <c>none</c> (in any case), to empty a field that may be empty, such as an end date or a contact; anything else is
    /// read by <paramref name="parse"/>.
    /// </summary>
    public static Replacement<T> OrNone<T>(ArgumentResult result, Func<ArgumentResult, T> parse) =>
        result.Tokens[0].Value.Trim().Equals(None, StringComparison.OrdinalIgnoreCase) ? new(default!) : new(parse(result));

    /// <summary>The word that empties a field (<see cref="OrNone{T}"/>).</summary>
    public const string None = "none";

    /// <summary>An id (UUID).</summary>
    public static Guid Id(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        result.AddError($"{Name(result)} takes an id (a UUID such as 0197a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d, as the list commands show); got '{value}'.");
        return Guid.Empty;
    }

    /// <summary>One of the enum's names, in any case; numbers are not accepted.</summary>
    public static T Enum<T>(ArgumentResult result)
        where T : struct, Enum
    {
        var value = result.Tokens[0].Value;
        if (TryEnum<T>(value, out var parsed))
        {
            return parsed;
        }

        result.AddError($"{Name(result)} takes one of {Names<T>()}; got '{value}'.");
        return default;
    }

    /// <summary>A comma-separated list of the enum's names (the option may also be repeated).</summary>
    public static T[] EnumList<T>(ArgumentResult result)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in CommaList(result))
        {
            if (!TryEnum<T>(value, out var item))
            {
                result.AddError($"{Name(result)} takes a comma-separated list of {Names<T>()}; got '{value}'.");
                return [];
            }

            parsed.Add(item);
        }

        return [.. parsed];
    }

    /// <summary>A comma-separated list (the option may also be repeated) of at least one item; empty items are dropped.</summary>
    public static string[] CommaList(ArgumentResult result)
    {
        string[] items = [.. Values(result).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        if (items.Length == 0)
        {
            result.AddError($"{Name(result)} takes at least one value.");
        }

        return items;
    }

    /// <summary>IPv4 or IPv6 addresses.</summary>
    public static IPAddress[] Addresses(ArgumentResult result)
    {
        var parsed = new List<IPAddress>();
        foreach (var value in Values(result))
        {
            if (!IPAddress.TryParse(value, out var address))
            {
                result.AddError($"{Name(result)} takes IP addresses such as 127.0.0.1 or ::1; got '{value}'.");
                return [];
            }

            parsed.Add(address);
        }

        return [.. parsed];
    }

    /// <summary>A SHA-256 thumbprint: 64 hexadecimal digits (colons and spaces, as some tools print them, are ignored).</summary>
    public static string Thumbprint(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        var hex = value.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (hex.Length == 64 && hex.All(char.IsAsciiHexDigit))
        {
            return hex;
        }

        result.AddError($"{Name(result)} takes a SHA-256 thumbprint, 64 hexadecimal digits as `gatewayctl certificates list` shows; got '{value}'.");
        return "";
    }

    /// <summary>The most characters a <c>--reason</c> takes: as many as the reason of a correction or cancellation (contract's <c>Reason</c>).</summary>
    public const int MaximumReasonLength = 500;

    /// <summary>Text that is not blank, such as a name.</summary>
    public static string Text(ArgumentResult result) => Text(result, int.MaxValue);

    /// <summary>A reason recorded in a history: <see cref="Text(ArgumentResult, int)"/> of at most <see cref="MaximumReasonLength"/> characters.</summary>
    public static string Reason(ArgumentResult result) => Text(result, MaximumReasonLength);

    /// <summary>
    /// Text as a reason is read, of at most <paramref name="maximumLength"/> characters (<see cref="PlainText.Length"/>,
    /// counted after trimming): not blank, one line, no control characters, and nothing else that shows nothing of itself
    /// (<see cref="PlainText.IsInvisible"/>: bidirectional overrides, zero-width characters ...), so that what show and
    /// history print is what was stored.
    /// </summary>
    public static string Text(ArgumentResult result, int maximumLength)
    {
        var value = result.Tokens[0].Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            result.AddError($"{Name(result)} must not be blank.");
        }
        else if (value.Any(char.IsControl))
        {
            // Such text is printed back by show and history: a control character there could steer the operator's terminal.
            result.AddError($"{Name(result)} must be one line of text without control characters (tabs, line breaks, escape sequences).");
        }
        else if (FirstInvisible(value) is var (invisible, position) && position > 0)
        {
            result.AddError($"{Name(result)} must not contain invisible characters (bidirectional overrides, zero-width characters, soft hyphens and the like): " +
                $"U+{invisible.Value:X4} at character {position}. What is printed back must be what is stored.");
        }
        else if (PlainText.Length(value.Trim()) is var length && length > maximumLength)
        {
            result.AddError($"{Name(result)} takes at most {maximumLength} characters; got {length}.");
        }

        return value.Trim();
    }

    // The first character that shows nothing of itself, and its position (1 for the first character; 0 for none). A zero-width
    // joiner or an emoji variation selector after a symbol is part of an emoji (❤️, 👩‍💻) and shows as it.
    private static (Rune Rune, int Position) FirstInvisible(string value)
    {
        var position = 0;
        Rune? previous = null;
        foreach (var rune in value.EnumerateRunes())
        {
            position++;
            var inEmoji = rune.Value is 0x200D or 0xFE0E or 0xFE0F && previous is { } before
                && (Rune.GetUnicodeCategory(before) == UnicodeCategory.OtherSymbol || before.Value == 0xFE0F);
            if (PlainText.IsInvisible(rune) && !inEmoji)
            {
                return (rune, position);
            }

            previous = rune;
        }

        return (default, 0);
    }

    /// <summary>A whole number of at least 1.</summary>
    public static int Positive(ArgumentResult result)
    {
        var value = result.Tokens[0].Value;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        result.AddError($"{Name(result)} takes a whole number of at least 1; got '{value}'.");
        return 0;
    }

    private static IEnumerable<string> Values(ArgumentResult result) => result.Tokens.Select(t => t.Value);

    private static bool TryEnum<T>(string value, out T parsed)
        where T : struct, Enum
    {
        var name = System.Enum.GetNames<T>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase));
        parsed = name is null ? default : System.Enum.Parse<T>(name);
        return name is not null;
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", System.Enum.GetNames<T>());

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
