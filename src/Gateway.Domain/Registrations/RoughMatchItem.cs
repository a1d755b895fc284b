using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Registrations;

/// <summary>Rough match (grovmatch) (item 6): the outcome and the occupation codes matched.</summary>
public sealed record RoughMatchItem(RoughMatchOutcome Outcome, IReadOnlyList<string> OccupationCodes);
