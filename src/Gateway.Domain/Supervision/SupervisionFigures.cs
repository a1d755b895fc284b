using Gateway.Domain.Registrations;

namespace Gateway.Domain.Supervision;

/// <summary>
/// The figures of the supervision report (visitationstilsyn, domain.md § 9) for one responsible authority and a period,
/// each with its definition: the one place the texts live; <c>Gateway.Data.Supervision.SupervisionQueries</c> carries
/// them out in the database, figure by figure, in the same order. Every figure counts the registrations for which the
/// authority is responsible (also those an other actor made for it), in their latest version, with cancelled
/// registrations left out; a corrected registration counts once, as corrected. "In the period" means the interview
/// was held on a day from the first to the last day of the period, both included.
/// </summary>
public static class SupervisionFigures
{
    /// <summary>The items whose uptake <see cref="VoluntaryUptake"/> counts: 6, 11 and 12, voluntary for municipalities (domain.md § 4).</summary>
    public static IReadOnlyList<RegistrationItem> VoluntaryForMunicipalities { get; } =
        [RegistrationItem.RoughMatch, RegistrationItem.JobSearchBehaviour, RegistrationItem.CitizenComments];

    /// <summary>How long after the last interview a citizen is overdue, by default (the individual contact course asks for an interview at least every three months).</summary>
    public const int DefaultOverdueAfterMonths = 3;

    /// <summary>Interviews held in the period.</summary>
    public static readonly SupervisionFigure Interviews = new("interviews", "Interviews held", "Afholdte samtaler",
        "Registrations of the authority whose interview was held in the period, by interview type and form.");

    /// <summary>Citizens in a contact course.</summary>
    public static readonly SupervisionFigure InCourse = new("citizens-in-course", "Citizens in a contact course", "Borgere i kontaktforløb",
        "Citizens whose latest registration held by the end of the period was held in the period, or plans a next contact on or after its first day.");

    /// <summary>Overdue citizens at the end of the period.</summary>
    public static readonly SupervisionFigure Overdue = new("overdue-citizens", "Overdue citizens", "Borgere med overskredet frist",
        "Citizens whose latest interview held by the last day of the period was held more than the overdue interval (3 months by default) before that day, and whose latest registration gives no end reason. A citizen interviewed exactly the interval before is not overdue.");

    /// <summary>Late registrations.</summary>
    public static readonly SupervisionFigure Late = new("late-registrations", "Late registrations", "For sent registrerede samtaler",
        "Registrations of interviews held in the period that were registered late (more than the allowed working days after the interview, as flagged when first received); count and share of the interviews.");

    /// <summary>Next contact planned beyond the limit.</summary>
    public static readonly SupervisionFigure NextContactBeyond = new("next-contact-beyond-limit", "Next contact beyond the limit", "Næste kontakt ud over fristen",
        "Registrations of interviews held in the period whose planned next contact is more than the limit (3 months by default) after the interview; count and share of the interviews.");

    /// <summary>Registrations made in the browser registration tool.</summary>
    public static readonly SupervisionFigure ThroughTool = new("registration-tool", "Registered in the registration tool", "Registreret i registreringsværktøjet",
        "Registrations of interviews held in the period that were first registered by a case worker in the browser registration tool, not by an IT system through the web services (as recorded with the first version); count and share of the interviews.");

    /// <summary>Registrations missing a mandatory item, per item.</summary>
    public static readonly SupervisionFigure MissingItems = new("missing-mandatory-items", "Missing mandatory items", "Manglende obligatoriske oplysninger",
        "Per item of § 2 stk. 2 that is mandatory for the authority's kind: the share of the interviews held in the period whose registration lacks it.");

    /// <summary>Uptake of the voluntary items for municipalities.</summary>
    public static readonly SupervisionFigure VoluntaryUptake = new("voluntary-item-uptake", "Uptake of voluntary items", "Brug af frivillige oplysninger",
        "For a municipality, per voluntary item (6 rough match, 11 job-search behaviour, 12 citizen's comments): the share of the interviews held in the period whose registration holds it.");

    /// <summary>Match-category distribution.</summary>
    public static readonly SupervisionFigure MatchCategories = new("match-categories", "Match categories", "Matchkategorier",
        "The interviews held in the period by the match category registered (1 ready for work ... 5 not ready).");

    /// <summary>Match-category movement.</summary>
    public static readonly SupervisionFigure MatchMovement = new("match-movement", "Match-category movement", "Bevægelse i matchkategori",
        "Citizens with two or more interviews in the period, by their last category against their first: closer to the labour market (a lower number), further from it, or unchanged.");

    /// <summary>The monthly trend.</summary>
    public static readonly SupervisionFigure Monthly = new("monthly", "Per month", "Pr. måned",
        "For each calendar month the period touches, empty ones included: the interviews held in it (within the period) and the late registrations among them.");

    /// <summary>Every figure, in report order.</summary>
    public static IReadOnlyList<SupervisionFigure> All { get; } =
        [Interviews, InCourse, Overdue, Late, NextContactBeyond, ThroughTool, MissingItems, VoluntaryUptake, MatchCategories, MatchMovement, Monthly];
}
