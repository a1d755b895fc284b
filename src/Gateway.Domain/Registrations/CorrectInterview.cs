using Gateway.Contracts.CodeLists;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The CorrectInterview operation (domain.md § 5): a new version of a registration with the items as corrected and a
/// reason, on the terms of <see cref="ChangeRequest"/>. The corrected items meet the same rules as a registration, judged
/// at the time the registration was first received: a correction does not make a registration late, but a corrected
/// interview date can. The citizen cannot be corrected: a registration on the wrong citizen is cancelled.
/// </summary>
public sealed class CorrectInterview(RegistrationRules rules, IRegistrationStore store, RegistrationWrites writes)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(CorrectInterview);

    /// <summary>Corrects version <paramref name="version"/> of registration <paramref name="registrationId"/> to <paramref name="interview"/>.</summary>
    public async Task<Outcome<Receipt>> HandleAsync(
        Agreement agreement, CallerContext context, string requestId, Guid registrationId, int version, string reason, Interview interview,
        CancellationToken cancellationToken)
    {
        var receivedAt = writes.Now();
        var accessor = new Accessor(agreement, context, Operation, receivedAt);
        var caller = context.ToCaller();
        var request = new WriteRequest(agreement.Id, requestId, RequestFingerprint.OfCorrection(caller, registrationId, version, reason, interview));
        var history = await store.HistoryAsync(registrationId, cancellationToken);
        // A refused attempt on someone else's registration is logged with its citizen too: the log is for the data subject.
        var cpr = history.Count > 0 ? history[0].Interview.Cpr : null;

        if ((ChangeRequest.Admit(agreement, caller, history, version) ?? AgreementDecisions.AdmitCaseType(agreement, interview.CaseType)) is { } refused)
        {
            return await writes.RefuseAsync(accessor, request, refused, cpr, history.Count > 0 ? registrationId : null, cancellationToken);
        }

        var first = history[0];
        var outcome = rules.Check(caller, interview, first.ReceivedAt);
        var violations = RegistrationRules.CheckReason(reason).Concat(outcome.Violations).ToList();
        if (interview.Cpr != first.Interview.Cpr)
        {
            violations.Add(new FieldViolation("Registration/Cpr", "Cpr.Unchangeable",
                "A registration's citizen cannot be corrected: cancel the registration and register the interview for the right citizen."));
        }

        if (violations.Count > 0)
        {
            return await writes.RefuseAsync(accessor, request, new Refusal(FaultCodes.RuleViolation, violations), cpr, registrationId, cancellationToken);
        }

        var corrected = new StoredRegistration(
            registrationId, version + 1, receivedAt, first.ResponsibleAuthority, caller.OtherActor, caller.CaseWorkerId, outcome.Late, interview)
        {
            AgreementId = agreement.Id,
            CallId = context.CallId,
            Change = ChangeKind.Corrected,
            Reason = reason,
            RequestId = requestId,
            Channel = agreement.Channel,
        };
        var receipt = new Receipt(registrationId, corrected.Version, receivedAt, outcome.Late, outcome.Warnings);
        return await writes.StoreAsync(accessor, request, corrected, receipt, cancellationToken);
    }
}
