namespace Gateway.Data.AccessLog;

/// <summary>What is wrong at the first break of the access log's chain.</summary>
public enum AccessLogBreakKind
{
    /// <summary>A link number is missing: a link (and usually its entry) was removed.</summary>
    MissingLink,

    /// <summary>A link's entry is gone from <c>access_log</c>: the entry was deleted.</summary>
    EntryGone,

    /// <summary>A link's hash does not match its entry and the link before: the entry was changed, or the link forged.</summary>
    HashMismatch,

    /// <summary>A link's entry comes before the previous link's entry in settled order: the link was forged.</summary>
    OutOfOrder,

    /// <summary>An entry without a link lies within sealed history: it was inserted there afterwards.</summary>
    NotSealed,

    /// <summary>The link of the head recorded outside the database has another hash now: the chain was re-computed.</summary>
    HeadMismatch,

    /// <summary>The chain ends before the head recorded outside the database: the newest links were removed.</summary>
    HeadMissing,
}
