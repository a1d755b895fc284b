using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// The items of a seeded registration as the domain's <see cref="Interview"/>, and their JSON for <c>registration_version.items</c>
/// with the serializer settings of the data layer's InterviewJson (internal there; <see cref="ItemsShapeCheck"/> proves at
/// the start of every run that the two agree). Municipalities use the voluntary items 6, 11 and 12 in part, units always
/// give 6 and 11; a few registrations lack a mandatory item (see <see cref="SeedRegistration.MissingFurtherCourseFlag"/>), so
/// that the figure has something to count: the gateway refuses such registrations today.
/// </summary>
internal static class SeedInterviews
{
    /// <summary>The gateway's settings: code lists by name, nulls left out.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly (string Code, string Text)[] Occupations =
    [
        ("5220", "Butiksassistent"), ("9132", "Rengøringsassistent"), ("8322", "Chauffør"), ("4115", "Kontorassistent"),
        ("5133", "Social- og sundhedshjælper"), ("7124", "Tømrer"), ("9313", "Bygningsarbejder"), ("5122", "Kok"),
        ("4211", "Kassemedarbejder"), ("9330", "Lagerarbejder"), ("8211", "Maskinarbejder"), ("5131", "Pædagogmedhjælper"),
    ];

    private static readonly (CourseAgreementKind Kind, string Text)[] CourseAgreements =
    [
        (CourseAgreementKind.Jobsoegning, "Søger 5 stillinger om ugen"), (CourseAgreementKind.Tilbud, "Virksomhedspraktik i 4 uger"),
        (CourseAgreementKind.Uddannelse, "Danskkursus to dage om ugen"), (CourseAgreementKind.Andet, "Opdaterer CV på Jobnet"),
        (CourseAgreementKind.Jobsoegning, "Søger job inden for lager og logistik"),
    ];

    private static readonly string[] Comments =
    [
        "Borgeren ønsker at komme i praktik.", "Borgeren er motiveret og har selv fundet to opslag.", "Borgeren ønsker en anden sagsbehandler.",
        "Borgeren er uenig i matchkategorien.",
    ];

    private static readonly double[] Types = [0.25, 0.15, 0.45, 0.10, 0.05];
    private static readonly double[] Forms = [0.55, 0.25, 0.10, 0.02, 0.08];
    private static readonly double[] CvStatuses = [0.30, 0.60, 0.10];
    private static readonly double[] Assessments = [0.45, 0.30, 0.10, 0.15];
    private static readonly double[] RoughMatches = [0.40, 0.45, 0.15];

    /// <summary>Version 1 of the registration's items.</summary>
    public static Interview First(in SeedRegistration registration, string cpr, bool municipality)
    {
        var random = new SeedRandom(registration.Seed);
        var held = DateOnly.FromDayNumber(registration.HeldOn);
        var goals = Goals(registration.Citizen);
        var further = random.NextDouble();
        return new Interview
        {
            Cpr = cpr,
            CaseType = !municipality ? CaseType.Dagpenge : (registration.Flags & SeedRegistration.StarthjaelpFlag) != 0 ? CaseType.Starthjaelp : CaseType.Kontanthjaelp,
            HeldOn = held,
            Type = registration.Ordinal == 0 ? InterviewType.Kontaktsamtale : (InterviewType)random.Pick(Types),
            Form = (InterviewForm)random.Pick(Forms),
            MatchCategory = (MatchCategory)registration.MatchCategory,
            EmploymentGoals = goals,
            RoughMatch = !municipality || random.Chance(0.35)
                ? new RoughMatchItem((RoughMatchOutcome)random.Pick(RoughMatches), [goals[0].OccupationCode])
                : null,
            FurtherCourse = (registration.Flags & SeedRegistration.MissingFurtherCourseFlag) != 0 ? new FurtherCourseItem([], null)
                : further < 0.04 ? new FurtherCourseItem([], "Borgeren er sygemeldt.")
                : new FurtherCourseItem(further < 0.12 ? [Agreement(ref random, held), Agreement(ref random, held)] : [Agreement(ref random, held)], null),
            Offers = random.Chance(0.18) ? [new OfferItem((OfferKind)random.Next(0, 4), (OfferStatus)random.Next(0, 2), held.AddDays(random.Next(7, 43)))] : null,
            CvStatus = (CvStatus)random.Pick(CvStatuses),
            NextContact = new NextContactItem(
                registration.NextContactOn == 0 ? null : DateOnly.FromDayNumber(registration.NextContactOn), CitizenCourses.EndReasonOf(registration)),
            JobSearchBehaviour = !municipality || random.Chance(0.45) ? new JobSearchItem((JobSearchAssessment)random.Pick(Assessments), null) : null,
            CitizenComments = random.Chance(0.07) ? Comments[random.Next(0, Comments.Length)] : null,
        };
    }

    /// <summary>The items as corrected in version 2: another match category, form or next contact.</summary>
    public static Interview Corrected(in SeedRegistration registration, Interview first) => registration.Correction switch
    {
        0 => first with { MatchCategory = (MatchCategory)(first.MatchCategory == MatchCategory.IntetMatch ? 4 : (int)first.MatchCategory + 1) },
        1 => first with { Form = first.Form == InterviewForm.Personligt ? InterviewForm.Telefon : InterviewForm.Personligt },
        _ => first.NextContact.PlannedOn is { } planned ? first with { NextContact = new NextContactItem(planned.AddDays(7), null) }
            : first with { Type = first.Type == InterviewType.Andet ? InterviewType.Jobsamtale : InterviewType.Andet },
    };

    /// <summary>The reason given with the correction.</summary>
    public static string CorrectionReason(in SeedRegistration registration) => registration.Correction switch
    {
        0 => "Forkert matchkategori.",
        1 => "Samtalen blev holdt som telefonsamtale.",
        _ => "Datoen for næste kontakt var forkert.",
    };

    public const string CancellationReason = "Registreret på forkert borger.";

    public static string Json(Interview interview) => JsonSerializer.Serialize(interview, JsonOptions);

    // A citizen's employment goals are the same at every interview.
    private static EmploymentGoalItem[] Goals(int citizen)
    {
        var random = new SeedRandom(0xC17_12E7 ^ (ulong)citizen);
        var count = random.Chance(0.70) ? 1 : random.Chance(0.8) ? 2 : 3;
        var first = random.Next(0, Occupations.Length);
        return [.. Enumerable.Range(0, count).Select(i => Occupations[(first + (i * 5)) % Occupations.Length]).Select(o => new EmploymentGoalItem(o.Code, o.Text))];
    }

    private static CourseAgreementItem Agreement(ref SeedRandom random, DateOnly held)
    {
        var (kind, text) = CourseAgreements[random.Next(0, CourseAgreements.Length)];
        return new CourseAgreementItem(kind, text, random.Chance(0.8) ? held.AddDays(random.Next(7, 57)) : null);
    }
}
