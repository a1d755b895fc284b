namespace Gateway.Domain.Agreements;

/// <summary>Whose data an agreement may read (domain.md § 6).</summary>
public enum ReadScope
{
    /// <summary>Citizens with a registration from the agreement's authority, or from an other actor acting for it.</summary>
    OwnCitizens,

    /// <summary>Every citizen; granted explicitly.</summary>
    AllCitizens,
}
