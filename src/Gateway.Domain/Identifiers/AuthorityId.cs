using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Identifiers;

/// <summary>An authority or other actor: a municipality by its municipality code, an Employment Service unit by its unit code, an other actor by its CVR number.</summary>
/// <param name="Kind">The kind of authority.</param>
/// <param name="Code">Its identifying code.</param>
public sealed record AuthorityId(AuthorityKind Kind, string Code)
{
    /// <summary>The rule each kind's code must meet, and the text that says so.</summary>
    public static (bool Valid, string Rule) Check(AuthorityKind kind, string? code) => kind switch
    {
        AuthorityKind.Municipality => (code is { Length: 3 } && code.All(char.IsAsciiDigit) && code != "000",
            "A municipality code (kommunekode) is 3 digits, not 000."),
        AuthorityKind.EmploymentServiceUnit => (code is { Length: >= 3 and <= 6 } && code.All(char.IsAsciiDigit),
            "An Employment Service unit code is 3 to 6 digits."),
        AuthorityKind.OtherActor => (Cvr.IsValid(code),
            "An other actor is identified by its CVR number: 8 digits with a valid modulus-11 check."),
        _ => (false, "Unknown authority kind."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Code}";
}
