using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Registrations;

/// <summary>A planned or started offer (item 8).</summary>
public sealed record OfferItem(OfferKind Kind, OfferStatus Status, DateOnly StartDate);
