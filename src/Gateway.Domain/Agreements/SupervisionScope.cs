namespace Gateway.Domain.Agreements;

/// <summary>Whose supervision figures an agreement may read (domain.md § 9), with the supervision operations it lists.</summary>
public enum SupervisionScope
{
    /// <summary>The authority the call is made for: the agreement's own, or the principal an other actor names (self-assessment).</summary>
    OwnAuthority,

    /// <summary>Every municipality and Employment Service unit: a supervisor's agreement; granted explicitly.</summary>
    AllAuthorities,
}
