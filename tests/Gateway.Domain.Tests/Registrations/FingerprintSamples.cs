using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>
/// Fixed writes for the fingerprint goldens. They are written out here, not taken from <see cref="SampleRegistrations"/>,
/// because a golden must never move when the samples other tests use do. <see cref="Full"/> has every optional item and
/// text the JSON encoder escapes (quotes, HTML-sensitive characters, a newline, Danish letters, a surrogate pair).
/// </summary>
internal static class FingerprintSamples
{
    public static readonly Guid RegistrationId = Guid.Parse("01a2183d-3dde-7a1b-b5fb-956b20012647");

    public static Caller OtherActorCaller => new(new AuthorityId(AuthorityKind.OtherActor, "24256790"), new AuthorityId(AuthorityKind.Municipality, "101"), "sagsbeh-17");

    public static Caller MunicipalityCaller => new(new AuthorityId(AuthorityKind.Municipality, "101"), null, "sagsbeh-17");

    public static Interview Full() => new()
    {
        Cpr = "0101901234",
        CaseType = CaseType.Kontanthjaelp,
        HeldOn = new DateOnly(2024, 6, 10),
        Type = InterviewType.Kontaktsamtale,
        Form = InterviewForm.Personligt,
        MatchCategory = MatchCategory.DelvisMatch,
        EmploymentGoals = [new EmploymentGoalItem("9132", "Rengøring på hotel"), new EmploymentGoalItem("5131", null)],
        RoughMatch = new RoughMatchItem(RoughMatchOutcome.Match, ["9132", "5131"]),
        FurtherCourse = new FurtherCourseItem(
            [
                new CourseAgreementItem(CourseAgreementKind.Jobsoegning, "Søger \"fem\" stillinger <om> ugen & mere.\nNy linje", new DateOnly(2024, 6, 24)),
                new CourseAgreementItem(CourseAgreementKind.Tilbud, "Praktik", null),
            ],
            null),
        Offers = [new OfferItem(OfferKind.Virksomhedspraktik, OfferStatus.Planlagt, new DateOnly(2024, 7, 1))],
        CvStatus = CvStatus.Opdateret,
        NextContact = new NextContactItem(new DateOnly(2024, 7, 8), null),
        JobSearchBehaviour = new JobSearchItem(JobSearchAssessment.Aktiv, "Søger bredt 👍"),
        CitizenComments = "Borgeren er enig + tilfreds 'meget'",
    };

    public static Interview Minimal() => new()
    {
        Cpr = "0101901234",
        CaseType = CaseType.Dagpenge,
        HeldOn = new DateOnly(2024, 6, 10),
        Type = InterviewType.Andet,
        Form = InterviewForm.Telefon,
        MatchCategory = MatchCategory.IntetMatch,
        EmploymentGoals = [],
        FurtherCourse = new FurtherCourseItem([], "Ingen aftaler"),
        CvStatus = CvStatus.Mangler,
        NextContact = new NextContactItem(null, CourseEndReason.Selvforsoergelse),
    };
}
