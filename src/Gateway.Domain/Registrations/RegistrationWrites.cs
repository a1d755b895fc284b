using Gateway.Domain.AccessLog;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The one way a write ends, shared by RegisterInterview, CorrectInterview and CancelInterview (domain.md § 5-6): the
/// version, the request id and the access-log entry are stored together or not at all; a write sent again under its
/// request id is answered with its first receipt, even where today's checks would refuse it; every refusal is logged.
/// </summary>
public sealed class RegistrationWrites(IRegistrationStore store, IAccessLog accessLog, TimeProvider clock)
{
    /// <summary>Now, to the microsecond PostgreSQL keeps: a receipt quotes the time exactly as stored.</summary>
    public DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    /// <summary>Stores <paramref name="version"/> and answers with <paramref name="receipt"/>, or with what a concurrent write left.</summary>
    public async Task<Outcome<Receipt>> StoreAsync(
        Accessor accessor, WriteRequest request, StoredRegistration version, Receipt receipt, CancellationToken cancellationToken)
    {
        var cpr = version.Interview.Cpr;
        switch (await store.WriteAsync(version, request, receipt, accessor.Entry(cpr, version.Id, AccessOutcome.Ok), cancellationToken))
        {
            case WriteResult.Stored:
                return receipt;
            case WriteResult.VersionTaken:
                // A correction or cancellation of the same version committed first: this one is stale now.
                return await RefuseAsync(accessor, request, new Refusal(FaultCodes.StaleVersion), cpr, version.Id, cancellationToken);
            default:
                // The request id was taken: by an earlier write, or by one that just committed beside this one.
                var taken = await store.FindRequestAsync(request.AgreementId, request.RequestId, cancellationToken)
                    ?? throw new InvalidOperationException("A request id was reported taken but cannot be found.");
                return await ReplayAsync(accessor, taken, request, cpr, version.Id, cancellationToken);
        }
    }

    /// <summary>
    /// Answers a write that today's checks refuse: a retry of a write accepted earlier gets its first receipt (a
    /// registration can have become late, or corrected since, say); only a request id never used gets the refusal.
    /// </summary>
    public async Task<Outcome<Receipt>> RefuseAsync(
        Accessor accessor, WriteRequest request, Refusal refusal, string? cpr, Guid? registrationId, CancellationToken cancellationToken)
    {
        if (await store.FindRequestAsync(request.AgreementId, request.RequestId, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(accessor, earlier, request, cpr, registrationId, cancellationToken);
        }

        await accessLog.RecordAsync([accessor.Entry(cpr, registrationId, AccessOutcome.Of(refusal))], cancellationToken);
        return refusal;
    }

    private async Task<Outcome<Receipt>> ReplayAsync(
        Accessor accessor, EarlierRequest earlier, WriteRequest request, string? cpr, Guid? registrationId, CancellationToken cancellationToken)
    {
        Outcome<Receipt> outcome = request.Fingerprint.Recognises(earlier.Fingerprint) ? earlier.Receipt : new Refusal(FaultCodes.RequestIdReused);
        var logged = outcome.IsRefused ? AccessOutcome.Of(outcome.Refusal) : AccessOutcome.Replayed;
        await accessLog.RecordAsync([accessor.Entry(cpr, outcome.IsRefused ? registrationId : earlier.Receipt.RegistrationId, logged)], cancellationToken);
        return outcome;
    }
}
