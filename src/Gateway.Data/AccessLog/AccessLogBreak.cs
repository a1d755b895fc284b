namespace Gateway.Data.AccessLog;

/// <summary>The first place where the access log's chain does not hold.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Seq">
/// The link where it breaks: the missing link's number, the link whose entry is gone, changed or out of order, or, for
/// an entry without a link, the last link before it in settled order (0 when it lies before the first).
/// </param>
/// <param name="EntryId">The entry concerned; null when it cannot be known (a link removed with its entry).</param>
/// <param name="Description">What was found and what it means, for people; names ids and link numbers, never personal data.</param>
public sealed record AccessLogBreak(AccessLogBreakKind Kind, long Seq, long? EntryId, string Description);
