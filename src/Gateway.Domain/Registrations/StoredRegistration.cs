using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Registrations;

/// <summary>One version of a registration as the data basis holds it, with the automatic part of item 1.</summary>
/// <param name="Id">The registration's id.</param>
/// <param name="Version">The version, 1 for the first.</param>
/// <param name="ReceivedAt">When the gateway received this version (server clock).</param>
/// <param name="ResponsibleAuthority">The data-responsible authority.</param>
/// <param name="OtherActor">The other actor that registered on its behalf, if any.</param>
/// <param name="CaseWorkerId">The case worker who registered.</param>
/// <param name="Late">Whether it came later than the threshold after the interview.</param>
/// <param name="Interview">The registered items.</param>
public sealed record StoredRegistration(
    Guid Id,
    int Version,
    DateTimeOffset ReceivedAt,
    AuthorityId ResponsibleAuthority,
    AuthorityId? OtherActor,
    string CaseWorkerId,
    bool Late,
    Interview Interview)
{
    /// <summary>The connection agreement the registration was made under (item 1: calling IT system and agreement).</summary>
    public Guid? AgreementId { get; init; }

    /// <summary>The caller's id of the call that made this version.</summary>
    public string? CallId { get; init; }

    /// <summary>What this version did: registered, corrected or cancelled.</summary>
    public ChangeKind Change { get; init; } = ChangeKind.Registered;

    /// <summary>The reason given for a correction or cancellation; null for the first version.</summary>
    public string? Reason { get; init; }

    /// <summary>The caller's request id of the write that stored this version; null for writes before request ids existed.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// Which way this version came (item 1). The operations state it on every version they make, since the way can change
    /// between versions (a case worker in the tool may cancel what the IT system registered).
    /// </summary>
    public RegistrationChannel Channel { get; init; } = RegistrationChannel.WebServices;

    /// <summary>Whether this version cancelled the registration.</summary>
    public bool IsCancellation => Change == ChangeKind.Cancelled;
}
