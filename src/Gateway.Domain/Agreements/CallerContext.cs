using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Agreements;

/// <summary>What a connected IT system states in the SOAP header of every call (§ 5): agreement, acting authority, principal, case worker, call id.</summary>
/// <param name="AgreementId">The agreement the call is made under.</param>
/// <param name="ActingAuthority">The authority making the call.</param>
/// <param name="Principal">The authority an other actor acts for; null otherwise.</param>
/// <param name="CaseWorkerId">The case worker; null for a system call.</param>
/// <param name="CallId">The caller's own id of the call, for tracing it across both systems.</param>
public sealed record CallerContext(Guid AgreementId, AuthorityId ActingAuthority, AuthorityId? Principal, string? CaseWorkerId, string CallId)
{
    /// <summary>Whether the call is made by the system itself rather than on behalf of a case worker.</summary>
    public bool IsSystemCall => CaseWorkerId is null;

    /// <summary>The caller as the registration rules see it.</summary>
    public Caller ToCaller() => new(ActingAuthority, Principal, CaseWorkerId ?? Caller.SystemCaseWorker);
}
