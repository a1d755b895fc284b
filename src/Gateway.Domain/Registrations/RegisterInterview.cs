using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The RegisterInterview operation: the agreement must cover the case type, the registration must meet the rules; then
/// it is stored as version 1. Retries and refusals end as every write does (<see cref="RegistrationWrites"/>).
/// </summary>
public sealed class RegisterInterview(RegistrationRules rules, RegistrationWrites writes)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(RegisterInterview);

    /// <summary>Registers <paramref name="interview"/> for the caller of <paramref name="context"/>, admitted by <paramref name="agreement"/>.</summary>
    public async Task<Outcome<Receipt>> HandleAsync(
        Agreement agreement, CallerContext context, string requestId, Interview interview, CancellationToken cancellationToken)
    {
        var receivedAt = writes.Now();
        var accessor = new Accessor(agreement, context, Operation, receivedAt);
        var caller = context.ToCaller();
        var request = new WriteRequest(agreement.Id, requestId, RequestFingerprint.OfRegistration(caller, interview));
        var cpr = Cpr.IsValid(interview.Cpr) ? interview.Cpr : null;

        if (AgreementDecisions.AdmitCaseType(agreement, interview.CaseType) is { } refused)
        {
            return await writes.RefuseAsync(accessor, request, refused, cpr, null, cancellationToken);
        }

        var outcome = rules.Check(caller, interview, receivedAt);
        if (!outcome.Accepted)
        {
            return await writes.RefuseAsync(accessor, request, new Refusal(FaultCodes.RuleViolation, outcome.Violations), cpr, null, cancellationToken);
        }

        // Version 7 ids sort by time, which keeps the primary-key index append-mostly.
        var registration = new StoredRegistration(
            Guid.CreateVersion7(receivedAt), 1, receivedAt, caller.ResponsibleAuthority, caller.OtherActor,
            caller.CaseWorkerId, outcome.Late, interview)
        {
            AgreementId = agreement.Id,
            CallId = context.CallId,
            RequestId = requestId,
            Channel = agreement.Channel,
        };
        var receipt = new Receipt(registration.Id, registration.Version, receivedAt, outcome.Late, outcome.Warnings);
        return await writes.StoreAsync(accessor, request, registration, receipt, cancellationToken);
    }
}
