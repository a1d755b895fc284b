using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;

namespace Gateway.Cli.Registrations;

/// <summary>
/// One version of a registration as an operator sees it: who made it, when, how and why, but not the citizen or the
/// items, which an operator needs no more than the access log's entries to answer "where did this come from".
/// </summary>
/// <param name="Version">The version, 1 for the first.</param>
/// <param name="Change">Registered, corrected or cancelled.</param>
/// <param name="ReceivedAt">When the gateway received it.</param>
/// <param name="Channel">Web services or the registration tool.</param>
/// <param name="AgreementId">The agreement it was made under.</param>
/// <param name="OtherActor">The other actor that made it, if any.</param>
/// <param name="CaseWorkerId">The case worker.</param>
/// <param name="Late">Whether it came late.</param>
/// <param name="Reason">The reason of a correction or cancellation.</param>
public sealed record VersionRecord(
    int Version, ChangeKind Change, DateTimeOffset ReceivedAt, RegistrationChannel Channel, Guid? AgreementId, string? OtherActor, string CaseWorkerId,
    bool Late, string? Reason)
{
    /// <summary>The record of <paramref name="version"/>.</summary>
    public static VersionRecord Of(StoredRegistration version) => new(
        version.Version, version.Change, version.ReceivedAt, version.Channel, version.AgreementId, version.OtherActor?.ToString(),
        version.CaseWorkerId, version.Late, version.Reason);
}
