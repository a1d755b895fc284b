using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.AccessLog;

/// <summary>
/// One entry of the access log (domain.md § 6): who (agreement, IT system, acting authority, principal, case worker,
/// call id) did what (operation) to which citizen's data, when, and with what outcome.
/// </summary>
/// <param name="RecordedAt">When the gateway handled the call (server clock, microseconds).</param>
/// <param name="AgreementId">The agreement the call was made under.</param>
/// <param name="ItSystemId">The IT system the agreement admits.</param>
/// <param name="Authority">The acting authority.</param>
/// <param name="Principal">The authority an other actor acted for, if any.</param>
/// <param name="CaseWorkerId">The case worker, or <see cref="Caller.SystemCaseWorker"/> for a system call.</param>
/// <param name="CallId">The caller's id of the call.</param>
/// <param name="Operation">The operation called.</param>
/// <param name="Cpr">The citizen whose data was read or written; null when the call named none.</param>
/// <param name="RegistrationId">The registration concerned, if any.</param>
/// <param name="Outcome"><see cref="AccessOutcome.Ok"/>, <see cref="AccessOutcome.Replayed"/>, or the fault code of the refusal.</param>
/// <param name="Subject">For a supervision read: the authority whose figures or overdue list were read; null otherwise.</param>
public sealed record AccessEntry(
    DateTimeOffset RecordedAt,
    Guid AgreementId,
    Guid ItSystemId,
    AuthorityId Authority,
    AuthorityId? Principal,
    string CaseWorkerId,
    string CallId,
    string Operation,
    string? Cpr,
    Guid? RegistrationId,
    string Outcome,
    AuthorityId? Subject = null);

/// <summary>The outcomes an access-log entry records besides a fault code.</summary>
public static class AccessOutcome
{
    /// <summary>The call was answered with the data or stored the write.</summary>
    public const string Ok = "Ok";

    /// <summary>A write sent again under its request id was answered with its first receipt; nothing was stored.</summary>
    public const string Replayed = "Replayed";

    /// <summary>The outcome recorded for a refusal: its fault code.</summary>
    public static string Of(Refusal refusal) => refusal.Code.Value;
}

/// <summary>Who makes one call, as the access log records it: fixed for the call, completed per citizen by <see cref="Entry"/>.</summary>
/// <param name="Agreement">The agreement the call was admitted by.</param>
/// <param name="Context">The call context the caller sent.</param>
/// <param name="Operation">The operation called.</param>
/// <param name="At">When the gateway handled it.</param>
public sealed record Accessor(Agreement Agreement, CallerContext Context, string Operation, DateTimeOffset At)
{
    /// <summary>The entry for one citizen (or none) with the outcome; for a supervision read, the authority read about.</summary>
    public AccessEntry Entry(string? cpr, Guid? registrationId, string outcome, AuthorityId? subject = null) => new(
        At, Agreement.Id, Agreement.ItSystemId, Context.ActingAuthority, Context.Principal,
        Context.CaseWorkerId ?? Caller.SystemCaseWorker, Context.CallId, Operation, cpr, registrationId, outcome, subject);
}
