namespace Gateway.Domain.AccessLog;

/// <summary>
/// Where access-log entries are kept. Entries of a write go into the write's own transaction (see
/// <see cref="Registrations.IRegistrationStore"/>); this records the others, and a read returns data only after its
/// entries are stored.
/// </summary>
public interface IAccessLog
{
    /// <summary>Stores <paramref name="entries"/> in one transaction.</summary>
    Task RecordAsync(IReadOnlyList<AccessEntry> entries, CancellationToken cancellationToken);
}
