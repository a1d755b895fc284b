using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>Who makes a call: the acting authority, the principal an other actor acts for, and the case worker.</summary>
/// <param name="ActingAuthority">The authority making the call.</param>
/// <param name="Principal">The municipality or unit an other actor acts for; null otherwise.</param>
/// <param name="CaseWorkerId">The case worker's user id in the calling system.</param>
public sealed record Caller(AuthorityId ActingAuthority, AuthorityId? Principal, string CaseWorkerId)
{
    /// <summary>The case worker recorded for a system call, which no case worker makes.</summary>
    public const string SystemCaseWorker = "(system)";

    /// <summary>The data-responsible authority: the principal when an other actor acts, else the acting authority.</summary>
    public AuthorityId ResponsibleAuthority => Principal ?? ActingAuthority;

    /// <summary>The other actor making the call for its principal, if any.</summary>
    public AuthorityId? OtherActor => Principal is null ? null : ActingAuthority;
}
