namespace Gateway.Domain.Registrations;

/// <summary>Where registrations are kept. The data layer implements it; each write is one transaction.</summary>
public interface IRegistrationStore
{
    /// <summary>Stores a new registration as version 1.</summary>
    Task AddAsync(StoredRegistration registration, CancellationToken cancellationToken);

    /// <summary>The latest version of every registration of the citizen, in no particular order.</summary>
    Task<IReadOnlyList<StoredRegistration>> LatestForCitizenAsync(string cpr, CancellationToken cancellationToken);
}
