namespace Gateway.Domain.Conformance;

/// <summary>
/// What the Test environment does wrong on purpose, for an IT system whose drills are switched on, so that the system
/// can show it handles it (domain.md § 8, items 5 and 6). Never in Production. The fault text names the drill.
/// </summary>
public enum ConformanceDrill
{
    /// <summary>A write is stored, and its answer replaced by <c>Server.Unavailable</c>: the system must retry with the same request id.</summary>
    LostAnswer,

    /// <summary>Before a correction is handled, the Test environment corrects the same version itself: the system must read the registration and correct its latest version.</summary>
    StaleVersion,

    /// <summary>Writes are refused with <c>Server.Unavailable</c> for a window: afterwards the system must page ListRegistrations from its last cursor and send what is missing, once.</summary>
    Outage,
}
