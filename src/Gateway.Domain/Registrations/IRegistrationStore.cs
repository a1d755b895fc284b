namespace Gateway.Domain.Registrations;

/// <summary>Where registrations are kept. The data layer implements it; each write is one transaction.</summary>
public interface IRegistrationStore
{
    /// <summary>
    /// Stores a new registration as version 1 under <paramref name="request"/>, with the receipt it is answered with, in
    /// one transaction; false (and nothing stored) when that request id is already taken for the agreement, also by a
    /// write committing at this very moment.
    /// </summary>
    Task<bool> AddAsync(StoredRegistration registration, WriteRequest request, Receipt receipt, CancellationToken cancellationToken);

    /// <summary>The write stored earlier under this agreement's request id, or null.</summary>
    Task<EarlierRequest?> FindRequestAsync(Guid agreementId, string requestId, CancellationToken cancellationToken);

    /// <summary>The latest version of every registration of the citizen, in no particular order.</summary>
    Task<IReadOnlyList<StoredRegistration>> LatestForCitizenAsync(string cpr, CancellationToken cancellationToken);
}
