namespace Gateway.Data.AccessLog;

/// <summary>What <see cref="AccessLogVerifier"/> found.</summary>
/// <param name="EntriesVerified">The links verified intact, from link 1 up to the head (or up to the first break).</param>
/// <param name="NotYetSealed">Entries after the head in settled order that have no link yet: not a break, the sealer has not reached them.</param>
/// <param name="Head">The last link verified intact, to record outside the database; null when none is.</param>
/// <param name="FirstBreak">The first break, or null when the chain holds.</param>
public sealed record AccessLogVerification(long EntriesVerified, long NotYetSealed, AccessLogHead? Head, AccessLogBreak? FirstBreak)
{
    /// <summary>Whether the chain holds from link 1 to the head, and no unsealed entry lies within it.</summary>
    public bool Intact => FirstBreak is null;
}
