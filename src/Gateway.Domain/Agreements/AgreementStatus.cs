namespace Gateway.Domain.Agreements;

/// <summary>Where a connection agreement (tilslutningsaftale, § 4) is in its lifecycle. Only <see cref="Active"/> admits calls.</summary>
public enum AgreementStatus
{
    /// <summary>Asked for, not yet decided by an operator.</summary>
    Requested,

    /// <summary>Approved: admits calls while in date.</summary>
    Active,

    /// <summary>Refused by an operator; final.</summary>
    Rejected,

    /// <summary>Stopped for now by an operator; can be resumed.</summary>
    Suspended,

    /// <summary>Ended by an operator; final.</summary>
    Terminated,

    /// <summary>Ended because its end date passed; final.</summary>
    Expired,
}
