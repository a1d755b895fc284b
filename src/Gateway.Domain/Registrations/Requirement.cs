namespace Gateway.Domain.Registrations;

/// <summary>Whether an item must be registered.</summary>
public enum Requirement
{
    /// <summary>Must be registered; a registration without it is refused.</summary>
    Mandatory,

    /// <summary>The order leaves it to the authority (for example items 6, 11 and 12 for municipalities).</summary>
    Voluntary,

    /// <summary>Registered only when there is something to register.</summary>
    Optional,
}
