namespace Gateway.Domain.Agreements;

/// <summary>What an operator (or the clock, for <see cref="Expire"/>) can do to an agreement.</summary>
public enum AgreementAction
{
    /// <summary>Requested → Active.</summary>
    Approve,

    /// <summary>Requested → Rejected.</summary>
    Reject,

    /// <summary>Active → Suspended.</summary>
    Suspend,

    /// <summary>Suspended → Active.</summary>
    Resume,

    /// <summary>Active or Suspended → Terminated.</summary>
    Terminate,

    /// <summary>Active → Expired, when the end date has passed.</summary>
    Expire,
}
