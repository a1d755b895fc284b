using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary>
/// The options for an agreement's terms that <c>agreements request</c> and <c>agreements amend</c> both take: one name,
/// form and parser each, so that an amendment is written as the request was. Each command says what leaving one out means.
/// </summary>
public static class AgreementTermOptions
{
    /// <summary>
    /// The most characters a contact or a contract reference may have: a name, an e-mail address and a telephone number,
    /// or a case number, fit several times over, and no stored value can fill the screens of <c>show</c> and <c>history</c>
    /// (before this bound, 120 KB was accepted).
    /// </summary>
    public const int MaximumTextLength = 200;

    /// <summary><c>--operations A,B</c>.</summary>
    public static Option<string[]> Operations(string unset) => new("--operations")
    {
        Description = $"Operations it may call, comma-separated ({unset})",
        HelpName = "A,B",
        CustomParser = ValueParsers.CommaList,
    };

    /// <summary><c>--case-types X,Y</c>.</summary>
    public static Option<CaseType[]> CaseTypes(string unset) => new("--case-types")
    {
        Description = $"Case types it may register, comma-separated: {string.Join(", ", Enum.GetNames<CaseType>())} ({unset})",
        HelpName = "X,Y",
        CustomParser = ValueParsers.EnumList<CaseType>,
    };

    /// <summary><c>--read-scope OwnCitizens|AllCitizens</c>.</summary>
    public static Option<ReadScope?> ReadScope(string unset) => new("--read-scope")
    {
        Description = $"Whose data it may read ({unset})",
        HelpName = string.Join('|', Enum.GetNames<ReadScope>()),
        CustomParser = result => ValueParsers.Enum<ReadScope>(result),
    };

    /// <summary><c>--valid-from YYYY-MM-DD</c>.</summary>
    public static Option<DateOnly?> ValidFrom(string unset) =>
        new("--valid-from") { Description = $"First day ({unset})", HelpName = "YYYY-MM-DD", CustomParser = ValueParsers.Date };

    /// <summary><c>--contact TEXT|none</c>: who to contact at the authority; <c>none</c> for no contact.</summary>
    public static Option<Replacement<string?>?> Contact(string unset) => TextOrNone("--contact", "Who to contact at the authority", unset);

    /// <summary><c>--contract-ref TEXT|none</c>: the contract's reference; <c>none</c> for no reference.</summary>
    public static Option<Replacement<string?>?> ContractReference(string unset) => TextOrNone("--contract-ref", "The contract's reference", unset);

    /// <summary>The values of <paramref name="option"/> as a set, or null when it was not given (an unset list option reads as empty; the parsers refuse an empty list given explicitly).</summary>
    public static HashSet<T>? SetOf<T>(ParseResult parseResult, Option<T[]> option, IEqualityComparer<T>? comparer = null) =>
        parseResult.GetValue(option) is { Length: > 0 } values ? values.ToHashSet(comparer) : null;

    // A text option whose value may also be `none`, for no value: a request given `none` stores none, as an amendment
    // given `none` empties the field, so that the one word means the same to both commands. Any other value is read as
    // a reason is (one line, no control characters, not blank), within the maximum length.
    private static Option<Replacement<string?>?> TextOrNone(string name, string description, string unset) => new(name)
    {
        Description = $"{description}: one line, at most {MaximumTextLength} characters; {ValueParsers.None} for no value ({unset})",
        HelpName = $"TEXT|{ValueParsers.None}",
        CustomParser = result => ValueParsers.OrNone<string?>(result, r => ValueParsers.Text(r, MaximumTextLength)),
    };
}
