using Gateway.Contracts.CodeLists;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The CancelInterview operation (domain.md § 5): a last version that marks the registration cancelled, with a reason,
/// on the terms of <see cref="ChangeRequest"/>. The items stay as they were; the history keeps everything.
/// </summary>
public sealed class CancelInterview(IRegistrationStore store, RegistrationWrites writes)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(CancelInterview);

    /// <summary>Cancels registration <paramref name="registrationId"/>, whose latest version the caller saw as <paramref name="version"/>.</summary>
    public async Task<Outcome<Receipt>> HandleAsync(
        Agreement agreement, CallerContext context, string requestId, Guid registrationId, int version, string reason, CancellationToken cancellationToken)
    {
        var receivedAt = writes.Now();
        var accessor = new Accessor(agreement, context, Operation, receivedAt);
        var caller = context.ToCaller();
        var request = new WriteRequest(agreement.Id, requestId, RequestFingerprint.OfCancellation(caller, registrationId, version, reason));
        var history = await store.HistoryAsync(registrationId, cancellationToken);
        // A refused attempt on someone else's registration is logged with its citizen too: the log is for the data subject.
        var cpr = history.Count > 0 ? history[0].Interview.Cpr : null;

        var refused = ChangeRequest.Admit(agreement, caller, history, version)
            ?? (RegistrationRules.CheckReason(reason) is { Count: > 0 } violations ? new Refusal(FaultCodes.RuleViolation, violations) : null);
        if (refused is not null)
        {
            return await writes.RefuseAsync(accessor, request, refused, cpr, history.Count > 0 ? registrationId : null, cancellationToken);
        }

        var latest = history[^1];
        var cancelled = latest with
        {
            Version = version + 1,
            ReceivedAt = receivedAt,
            OtherActor = caller.OtherActor,
            CaseWorkerId = caller.CaseWorkerId,
            AgreementId = agreement.Id,
            CallId = context.CallId,
            Change = ChangeKind.Cancelled,
            Reason = reason,
            RequestId = requestId,
            Channel = agreement.Channel,
        };
        var receipt = new Receipt(registrationId, cancelled.Version, receivedAt, latest.Late, []);
        return await writes.StoreAsync(accessor, request, cancelled, receipt, cancellationToken);
    }
}
