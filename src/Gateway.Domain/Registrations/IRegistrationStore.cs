using Gateway.Domain.AccessLog;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>Where registrations are kept. The data layer implements it; each write is one transaction.</summary>
public interface IRegistrationStore
{
    /// <summary>
    /// Stores one version of a registration (version 1 creates the registration) under <paramref name="request"/>,
    /// with the receipt it is answered with and its access-log entry, in one transaction. Nothing is stored when the
    /// request id is already taken for the agreement (also by a write committing at this very moment), or when that
    /// version of the registration already exists (a concurrent correction or cancellation got there first).
    /// </summary>
    Task<WriteResult> WriteAsync(StoredRegistration version, WriteRequest request, Receipt receipt, AccessEntry access, CancellationToken cancellationToken);

    /// <summary>The write stored earlier under this agreement's request id, or null.</summary>
    Task<EarlierRequest?> FindRequestAsync(Guid agreementId, string requestId, CancellationToken cancellationToken);

    /// <summary>The latest version of every registration of the citizen (cancelled ones included), in no particular order.</summary>
    Task<IReadOnlyList<StoredRegistration>> LatestForCitizenAsync(string cpr, CancellationToken cancellationToken);

    /// <summary>Every version of one registration, oldest first; empty when there is no such registration.</summary>
    Task<IReadOnlyList<StoredRegistration>> HistoryAsync(Guid registrationId, CancellationToken cancellationToken);

    /// <summary>
    /// The settled versions after <paramref name="after"/> for which <paramref name="responsible"/> is responsible (only
    /// those made by <paramref name="otherActor"/>, when given), in settled order, at most <paramref name="max"/>.
    /// </summary>
    Task<ChangePage> ChangesAsync(AuthorityId responsible, AuthorityId? otherActor, RegistrationCursor after, int max, CancellationToken cancellationToken);
}

/// <summary>What a write came to.</summary>
public enum WriteResult
{
    /// <summary>Stored.</summary>
    Stored,

    /// <summary>Nothing stored: the agreement's request id was taken.</summary>
    RequestIdTaken,

    /// <summary>Nothing stored: the version exists already.</summary>
    VersionTaken,
}

/// <summary>A page of the settled feed.</summary>
/// <param name="Entries">The versions with their positions, in settled order.</param>
/// <param name="More">Whether more settled versions follow the last one.</param>
/// <param name="CursorAhead">
/// Whether the cursor lies beyond every transaction the database has begun: no write can ever come after it, as after
/// a restore to an earlier point. Only an empty page can have it.
/// </param>
public sealed record ChangePage(IReadOnlyList<(StoredRegistration Version, RegistrationCursor Position)> Entries, bool More, bool CursorAhead = false);
