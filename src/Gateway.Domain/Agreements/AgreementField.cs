namespace Gateway.Domain.Agreements;

/// <summary>
/// The fields of an agreement an operator may amend. Its authority, principals, IT system and environment are not
/// among them: another party, system or environment is another agreement, requested and approved as such.
/// </summary>
public enum AgreementField
{
    /// <summary>The operations it may call.</summary>
    Operations,

    /// <summary>The case types it may register.</summary>
    CaseTypes,

    /// <summary>Whose data it may read.</summary>
    ReadScope,

    /// <summary>Its first day.</summary>
    ValidFrom,

    /// <summary>Its last day, or none.</summary>
    ValidTo,

    /// <summary>Who to contact at the authority.</summary>
    Contact,

    /// <summary>The contract's reference.</summary>
    ContractReference,
}
