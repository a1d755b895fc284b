using System.Globalization;

namespace Gateway.Domain.Supervision;

/// <summary>
/// One citizen on the overdue list (<see cref="SupervisionFigures.Overdue"/>, judged on the list's as-of day): the
/// latest registration held by that day, whose interview was held more than the overdue interval before it and which
/// gives no end reason.
/// </summary>
/// <param name="Cpr">The citizen's CPR number, in full; who may see it is decided where the list is answered.</param>
/// <param name="RegistrationId">The latest registration, which the authority can look up.</param>
/// <param name="LastInterviewOn">The day its interview was held.</param>
/// <param name="NextContactOn">The next contact it planned, if any.</param>
public sealed record OverdueCitizen(string Cpr, Guid RegistrationId, DateOnly LastInterviewOn, DateOnly? NextContactOn);

/// <summary>One page of the overdue list, most overdue first.</summary>
/// <param name="Total">How many citizens the whole list holds on the as-of day (every page says the same, unless registrations arrive meanwhile).</param>
/// <param name="Citizens">This page's citizens.</param>
/// <param name="Next">Where the next page starts; null on the last page.</param>
public sealed record OverduePage(int Total, IReadOnlyList<OverdueCitizen> Citizens, OverdueCursor? Next);

/// <summary>
/// A position in the overdue list, which is ordered by the day of the last interview and then the registration id: the
/// last citizen of a page. It names nothing the caller was not just told.
/// </summary>
/// <param name="LastInterviewOn">The last listed citizen's last interview.</param>
/// <param name="RegistrationId">Its registration.</param>
public readonly record struct OverdueCursor(DateOnly LastInterviewOn, Guid RegistrationId)
{
    /// <summary>The cursor as callers see it: opaque, digits, hex and a dash.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{LastInterviewOn:yyyyMMdd}-{RegistrationId:N}");

    /// <summary>Reads a cursor as <see cref="ToString"/> wrote it; false for anything else.</summary>
    public static bool TryParse(string? text, out OverdueCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || parts[0].Length != 8 || parts[1].Length != 32
            || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new OverdueCursor(day, id);
        return true;
    }
}
