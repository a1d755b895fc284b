using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The ListRegistrations operation (domain.md § 5, datagenopretning): the versions the caller's authority is
/// responsible for (an other actor: those it made itself), after a cursor, in settled order. Following the cursor
/// yields every stored version exactly once. Each citizen on a page gets an access-log entry.
/// </summary>
public sealed class ListRegistrations(IRegistrationStore store, IAccessLog accessLog, TimeProvider clock)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(ListRegistrations);

    /// <summary>The page size when the caller gives none, and the largest it may ask for.</summary>
    public const int DefaultPageSize = 100, MaxPageSize = 500;

    /// <summary>The page after <paramref name="cursor"/> (from the start when null) of at most <paramref name="maxCount"/> entries.</summary>
    public async Task<Outcome<RegistrationFeedPage>> HandleAsync(
        Agreement agreement, CallerContext context, string? cursor, int? maxCount, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var after = RegistrationCursor.Start;
        if (cursor is not null && !RegistrationCursor.TryParse(cursor, out after))
        {
            violations.Add(new("Cursor", "Cursor.Invalid", "Not a cursor this gateway handed out: send NextCursor back unchanged, or no cursor to start from the beginning."));
        }

        if (maxCount is < 1 or > MaxPageSize)
        {
            violations.Add(new("MaxCount", "MaxCount.OutOfRange", $"Ask for 1 to {MaxPageSize} entries."));
        }

        if (violations.Count > 0)
        {
            return new Refusal(FaultCodes.RuleViolation, violations);
        }

        var caller = context.ToCaller();
        var page = await store.ChangesAsync(caller.ResponsibleAuthority, caller.OtherActor, after, maxCount ?? DefaultPageSize, cancellationToken);
        if (page.CursorAhead)
        {
            return new Refusal(FaultCodes.RuleViolation, [new FieldViolation("Cursor", "Cursor.Ahead",
                "The cursor lies beyond everything the data basis holds now (it was restored to an earlier point). Start again without a cursor and compare the request ids with what your system sent.")]);
        }

        var accessor = new Accessor(agreement, context, Operation, clock.GetUtcNow());
        await accessLog.RecordAsync(
            [.. page.Entries.Select(e => e.Version.Interview.Cpr).Distinct(StringComparer.Ordinal).Select(cpr => accessor.Entry(cpr, null, AccessOutcome.Ok))],
            cancellationToken);
        return new RegistrationFeedPage([.. page.Entries.Select(e => e.Version)], page.Entries.Count > 0 ? page.Entries[^1].Position : after, page.More);
    }
}

/// <summary>A page of ListRegistrations.</summary>
/// <param name="Versions">The stored versions, in settled order.</param>
/// <param name="Next">Where the next page starts.</param>
/// <param name="More">Whether more versions are already waiting.</param>
public sealed record RegistrationFeedPage(IReadOnlyList<StoredRegistration> Versions, RegistrationCursor Next, bool More);
