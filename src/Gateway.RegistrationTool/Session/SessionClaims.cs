using System.Globalization;
using System.Security.Claims;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.RegistrationTool.Session;

/// <summary>
/// What the session cookie holds: the thumbprint of the certificate signed in with, when, and the principal chosen. No
/// name, no CPR number, nothing the case worker is allowed to do: that is decided on every request, from the store.
/// </summary>
internal static class SessionClaims
{
    public const string Scheme = "RegistrationTool";
    private const string Thumbprint = "thumbprint", SignedInAt = "signed-in-at", Principal = "principal";

    public static ClaimsPrincipal For(string thumbprint, DateTimeOffset at, AuthorityId? principal)
    {
        var claims = new List<Claim>
        {
            new(Thumbprint, thumbprint),
            new(SignedInAt, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (principal is not null)
        {
            claims.Add(new(Principal, principal.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static string? ThumbprintOf(ClaimsPrincipal user) => user.FindFirst(Thumbprint)?.Value;

    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(SignedInAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static AuthorityId? PrincipalOf(ClaimsPrincipal user) => Parse(user.FindFirst(Principal)?.Value);

    /// <summary>An authority as <see cref="AuthorityId.ToString"/> writes it (<c>Municipality:101</c>); null when it is not one.</summary>
    public static AuthorityId? Parse(string? value) =>
        value?.Split(':') is [var kind, var code] && Enum.TryParse<AuthorityKind>(kind, out var k) && Enum.IsDefined(k) && AuthorityId.Check(k, code).Valid
            ? new AuthorityId(k, code)
            : null;
}
