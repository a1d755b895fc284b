using Gateway.Contracts.CodeLists;
using Gateway.Domain.Calendar;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>
/// Valid callers and registrations, so that each test varies exactly one thing. Every date of an interview is
/// relative to the day it was held, so a test can move the interview without breaking the other date rules.
/// </summary>
internal static class SampleRegistrations
{
    /// <summary>Monday 10 June 2024.</summary>
    public static readonly DateOnly InterviewDay = new(2024, 6, 10);

    /// <summary>The afternoon of <see cref="InterviewDay"/> in Copenhagen (CEST, UTC+2): on time.</summary>
    public static readonly DateTimeOffset SameAfternoon = new(2024, 6, 10, 15, 0, 0, TimeSpan.FromHours(2));

    /// <summary>Born 1 January 1990 (7th digit 1: the 1900s).</summary>
    public const string CitizenCpr = "0101901234";

    public const string CaseWorkerId = "sagsbeh-17";

    /// <summary>Weighted sum 2·2+4·7+2·6+5·5+6·4+7·3+9·2+0·1 = 132 = 12·11.</summary>
    public const string OtherActorCvr = "24256790";

    /// <summary>A DISCO-88 occupation code (9132: cleaners and helpers in offices, hotels and other establishments).</summary>
    public const string OccupationCode = "9132";

    public static readonly AuthorityId Municipality101 = new(AuthorityKind.Municipality, "101");
    public static readonly AuthorityId Unit1234 = new(AuthorityKind.EmploymentServiceUnit, "1234");
    public static readonly AuthorityId OtherActor = new(AuthorityKind.OtherActor, OtherActorCvr);

    public static Caller MunicipalityCaller => new(Municipality101, null, CaseWorkerId);

    public static Caller EmploymentServiceCaller => new(Unit1234, null, CaseWorkerId);

    public static Caller OtherActorFor(AuthorityId principal) => new(OtherActor, principal, CaseWorkerId);

    /// <summary>A caller whose responsible authority is of kind <paramref name="responsible"/>, directly or through an other actor.</summary>
    public static Caller CallerFor(AuthorityKind responsible, bool viaOtherActor)
    {
        var authority = responsible == AuthorityKind.Municipality ? Municipality101 : Unit1234;
        return viaOtherActor ? OtherActorFor(authority) : new Caller(authority, null, CaseWorkerId);
    }

    /// <summary>A municipality's cash-benefit interview with every item it must register, and without the voluntary items 6 and 11.</summary>
    public static Interview MunicipalityInterview(DateOnly? heldOn = null)
    {
        var day = heldOn ?? InterviewDay;
        return new Interview
        {
            Cpr = CitizenCpr,
            CaseType = CaseType.Kontanthjaelp,
            HeldOn = day,
            Type = InterviewType.Kontaktsamtale,
            Form = InterviewForm.Personligt,
            MatchCategory = MatchCategory.DelvisMatch,
            EmploymentGoals = [new EmploymentGoalItem(OccupationCode, "Rengøring på hotel")],
            FurtherCourse = new FurtherCourseItem([new CourseAgreementItem(CourseAgreementKind.Jobsoegning, "Søger fem stillinger om ugen.", day.AddDays(14))], null),
            CvStatus = CvStatus.Opdateret,
            NextContact = new NextContactItem(day.AddDays(28), null),
        };
    }

    /// <summary>An Employment Service unit's unemployment-benefit interview, with items 6 and 11 that it must register.</summary>
    public static Interview EmploymentServiceInterview(DateOnly? heldOn = null) => MunicipalityInterview(heldOn) with
    {
        CaseType = CaseType.Dagpenge,
        RoughMatch = new RoughMatchItem(RoughMatchOutcome.Match, [OccupationCode]),
        JobSearchBehaviour = new JobSearchItem(JobSearchAssessment.Aktiv, "Søger bredt inden for rengøring."),
    };

    /// <summary>The valid interview for a responsible authority of kind <paramref name="responsible"/>.</summary>
    public static Interview InterviewFor(AuthorityKind responsible) =>
        responsible == AuthorityKind.Municipality ? MunicipalityInterview() : EmploymentServiceInterview();

    /// <summary>The rules of <paramref name="policy"/>, on the calendar of its time zone.</summary>
    public static RegistrationRules RulesOf(RegistrationPolicy policy) => new(policy, DanishCalendar.Of(policy.TimeZone, TimeProvider.System));

    /// <summary>The violations as (field path, code) pairs, the part of a violation that is contract.</summary>
    public static (string Field, string Code)[] Violations(this RuleOutcome outcome) =>
        [.. outcome.Violations.Select(v => (v.Field, v.Code))];

    /// <summary>The warning codes.</summary>
    public static string[] WarningCodes(this RuleOutcome outcome) => [.. outcome.Warnings.Select(w => w.Code)];
}
