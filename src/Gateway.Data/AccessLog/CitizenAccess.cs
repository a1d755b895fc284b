namespace Gateway.Data.AccessLog;

/// <summary>One access to a citizen's data, as <c>gatewayctl audit show</c> lists it. The CPR number is not repeated.</summary>
/// <param name="Id">The access-log entry.</param>
/// <param name="RecordedAt">When the gateway handled the call.</param>
/// <param name="Operation">The operation called.</param>
/// <param name="Outcome"><c>Ok</c>, <c>Replayed</c>, or the fault code of the refusal.</param>
/// <param name="AgreementId">The agreement the call was made under.</param>
/// <param name="ItSystemId">The IT system.</param>
/// <param name="ItSystemName">The IT system's registered name; null when no system has that id.</param>
/// <param name="Authority">The acting authority, <c>Kind:Code</c>.</param>
/// <param name="Principal">The authority an other actor acted for, <c>Kind:Code</c>; null when none.</param>
/// <param name="CaseWorkerId">The case worker, or the system-call marker.</param>
/// <param name="CallId">The caller's id of the call.</param>
/// <param name="RegistrationId">The registration concerned, if any.</param>
public sealed record CitizenAccess(
    long Id,
    DateTimeOffset RecordedAt,
    string Operation,
    string Outcome,
    Guid AgreementId,
    Guid ItSystemId,
    string? ItSystemName,
    string Authority,
    string? Principal,
    string CaseWorkerId,
    string CallId,
    Guid? RegistrationId);
