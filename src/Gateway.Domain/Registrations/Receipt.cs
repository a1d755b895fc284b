namespace Gateway.Domain.Registrations;

/// <summary>What the caller gets for a stored registration.</summary>
/// <param name="RegistrationId">The registration's id.</param>
/// <param name="Version">The version stored.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Late">Whether it is late.</param>
/// <param name="Warnings">What it was accepted with.</param>
public sealed record Receipt(Guid RegistrationId, int Version, DateTimeOffset ReceivedAt, bool Late, IReadOnlyList<RegistrationWarning> Warnings);
