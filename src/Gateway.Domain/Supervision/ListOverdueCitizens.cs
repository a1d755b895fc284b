using Gateway.Domain.AccessLog;
using Gateway.Domain.Agreements;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Supervision;

/// <summary>
/// The ListOverdueCitizens operation (contract 1.4): the citizens counted by <see cref="SupervisionFigures.Overdue"/> on a
/// day, most overdue first, a page at a time, within the agreement's supervision scope. CPR numbers are listed only
/// when asked for and when the agreement carries that scope (<see cref="Agreement.OverdueCpr"/>); then every citizen
/// on the page gets an access-log entry, as other reads of citizens do. Otherwise the numbers are masked and the call
/// gets one entry, naming the authority read about.
/// </summary>
public sealed class ListOverdueCitizens(
    ISupervisionStore store, IAccessLog accessLog, SupervisionPolicy policy, RegistrationPolicy registrationPolicy, TimeProvider clock)
{
    /// <summary>The operation's name in agreements and the access log.</summary>
    public const string Operation = nameof(ListOverdueCitizens);

    /// <summary>The page size when the caller gives none, and the largest it may ask for.</summary>
    public const int DefaultPageSize = 100, MaxPageSize = 500;

    /// <summary>The page after <paramref name="cursor"/> (from the start when null) of the overdue list of <paramref name="authority"/> on <paramref name="asOf"/>.</summary>
    public async Task<Outcome<OverdueList>> HandleAsync(
        Agreement agreement, CallerContext context, AuthorityId authority, DateOnly asOf, bool includeCpr, string? cursor, int? maxCount,
        CancellationToken cancellationToken)
    {
        var violations = SupervisionRequests.AuthorityProblems(authority).ToList();
        if (SupervisionRequests.DayProblem("Query/AsOf", asOf, registrationPolicy, clock.GetUtcNow()) is { } outside)
        {
            violations.Add(outside);
        }

        OverdueCursor after = default;
        if (cursor is not null && !OverdueCursor.TryParse(cursor, out after))
        {
            violations.Add(new("Cursor", "Cursor.Invalid", "Not a cursor this gateway handed out: send NextCursor back unchanged, or no cursor to start from the beginning."));
        }

        if (maxCount is < 1 or > MaxPageSize)
        {
            violations.Add(new("MaxCount", "MaxCount.OutOfRange", $"Ask for 1 to {MaxPageSize} citizens."));
        }

        if (violations.Count > 0)
        {
            return new Refusal(FaultCodes.RuleViolation, violations);
        }

        var accessor = new Accessor(agreement, context, Operation, clock.GetUtcNow());
        if (await SupervisionRequests.AdmitAsync(store, accessLog, accessor, authority, includeCpr, cancellationToken) is { } refused)
        {
            return refused;
        }

        var page = await store.OverdueCitizensAsync(
            authority, asOf, policy.OverdueAfterMonths, cursor is null ? null : after, maxCount ?? DefaultPageSize, cancellationToken);
        IReadOnlyList<AccessEntry> entries = includeCpr && page.Citizens.Count > 0
            ? [.. page.Citizens.Select(c => accessor.Entry(c.Cpr, c.RegistrationId, AccessOutcome.Ok, authority))]
            : [accessor.Entry(null, null, AccessOutcome.Ok, authority)];
        await accessLog.RecordAsync(entries, cancellationToken);
        return new OverdueList(authority, asOf, policy.OverdueAfterMonths, includeCpr, page);
    }
}

/// <summary>A page of ListOverdueCitizens as answered.</summary>
/// <param name="Authority">The authority whose list it is.</param>
/// <param name="AsOf">The day overdue was judged on.</param>
/// <param name="OverdueAfterMonths">The overdue interval used.</param>
/// <param name="WithCpr">Whether the CPR numbers are given in full; otherwise only masked (<see cref="Cpr.Mask"/>).</param>
/// <param name="Page">The citizens and where the next page starts.</param>
public sealed record OverdueList(AuthorityId Authority, DateOnly AsOf, int OverdueAfterMonths, bool WithCpr, OverduePage Page);
