using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Supervision;

/// <summary>The supervision report of one responsible authority for one period (domain.md § 9); <see cref="SupervisionFigures"/> defines each figure.</summary>
public sealed record SupervisionReport
{
    /// <summary>The authority responsible for the registrations counted.</summary>
    public required AuthorityId Authority { get; init; }

    /// <summary>The first day of the period.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day of the period; also the day the overdue figure is judged on.</summary>
    public required DateOnly To { get; init; }

    /// <summary>When the figures were computed.</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>The overdue interval used, in months.</summary>
    public required int OverdueAfterMonths { get; init; }

    /// <summary>The next-contact limit used, in months.</summary>
    public required int NextContactLimitMonths { get; init; }

    /// <summary><see cref="SupervisionFigures.Interviews"/>: the total.</summary>
    public required int Interviews { get; init; }

    /// <summary><see cref="SupervisionFigures.Interviews"/>: by interview type and form.</summary>
    public required IReadOnlyList<Breakdown> ByTypeAndForm { get; init; }

    /// <summary><see cref="SupervisionFigures.InCourse"/>.</summary>
    public required int CitizensInCourse { get; init; }

    /// <summary><see cref="SupervisionFigures.Overdue"/>.</summary>
    public required int OverdueCitizens { get; init; }

    /// <summary><see cref="SupervisionFigures.Late"/>.</summary>
    public required Share Late { get; init; }

    /// <summary><see cref="SupervisionFigures.NextContactBeyond"/>.</summary>
    public required Share NextContactBeyondLimit { get; init; }

    /// <summary><see cref="SupervisionFigures.ThroughTool"/>.</summary>
    public required Share ThroughTool { get; init; }

    /// <summary><see cref="SupervisionFigures.MissingItems"/>: per mandatory item, by its name.</summary>
    public required IReadOnlyDictionary<string, Share> MissingMandatory { get; init; }

    /// <summary>Interviews in the period whose registration lacks at least one mandatory item (the overview's headline of <see cref="SupervisionFigures.MissingItems"/>).</summary>
    public required int AnyMandatoryMissing { get; init; }

    /// <summary><see cref="SupervisionFigures.VoluntaryUptake"/>: per voluntary item, by its name; empty for an Employment Service unit.</summary>
    public required IReadOnlyDictionary<string, Share> VoluntaryUptake { get; init; }

    /// <summary><see cref="SupervisionFigures.MatchCategories"/>: interviews per category 1-5.</summary>
    public required IReadOnlyDictionary<int, int> MatchCategories { get; init; }

    /// <summary><see cref="SupervisionFigures.MatchMovement"/>.</summary>
    public required Movement MatchMovement { get; init; }

    /// <summary><see cref="SupervisionFigures.Monthly"/>.</summary>
    public required IReadOnlyList<Month> Monthly { get; init; }

    /// <summary>A count out of the interviews held in the period.</summary>
    /// <param name="Count">How many.</param>
    /// <param name="Of">Out of how many.</param>
    public sealed record Share(int Count, int Of)
    {
        /// <summary>The share, 0-1; 0 when there is nothing to share out.</summary>
        public double Fraction => Of == 0 ? 0 : (double)Count / Of;
    }

    /// <summary>Interviews of one type and form.</summary>
    public sealed record Breakdown(string Type, string Form, int Interviews);

    /// <summary>Citizens by how their match category moved.</summary>
    public sealed record Movement(int Closer, int Further, int Unchanged);

    /// <summary>One calendar month.</summary>
    public sealed record Month(DateOnly First, int Interviews, int Late);
}

/// <summary>One line of the supervision overview: an authority's headline shares for the period, to see who needs a closer look.</summary>
/// <param name="Authority">The responsible authority.</param>
/// <param name="Name">Its name.</param>
/// <param name="Interviews">Interviews held in the period.</param>
/// <param name="CitizensInCourse">Citizens in a contact course.</param>
/// <param name="Overdue">Overdue citizens, out of the citizens in a course.</param>
/// <param name="Late">Late registrations, out of the interviews.</param>
/// <param name="MissingMandatory">Interviews whose registration lacks at least one mandatory item, out of the interviews.</param>
/// <param name="ThroughTool">Interviews first registered in the registration tool (<see cref="SupervisionFigures.ThroughTool"/>), out of the interviews.</param>
public sealed record SupervisionOverviewLine(
    AuthorityId Authority, string Name, int Interviews, int CitizensInCourse, SupervisionReport.Share Overdue, SupervisionReport.Share Late, SupervisionReport.Share MissingMandatory,
    SupervisionReport.Share ThroughTool);
