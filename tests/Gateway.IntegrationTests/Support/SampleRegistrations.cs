using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;

namespace Gateway.IntegrationTests.Support;

/// <summary>Registrations as a case system sends them, dated relative to today in Denmark.</summary>
public static class SampleRegistrations
{
    public static DateTime Today { get; } =
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).Date;

    /// <summary>A municipality's registration with only what is mandatory for it.</summary>
    public static InterviewRegistration Minimal(string cpr) => new()
    {
        Cpr = cpr,
        CaseType = CaseType.Kontanthjaelp,
        Interview = new InterviewHeld { HeldOn = Today, Type = InterviewType.Kontaktsamtale },
        Form = InterviewForm.Personligt,
        MatchCategory = MatchCategory.DelvisMatch,
        EmploymentGoals = [new EmploymentGoal { OccupationCode = "5220" }],
        FurtherCourse = new FurtherCourse { NoAgreementReason = "Borgeren var syg." },
        CvStatus = CvStatus.Registreret,
        NextContact = new NextContact { PlannedOn = Today.AddDays(30), PlannedOnSpecified = true },
    };

    /// <summary>A registration with every one of the twelve items filled in, for a case of <paramref name="caseType"/>.</summary>
    public static InterviewRegistration Complete(string cpr, CaseType caseType = CaseType.Kontanthjaelp) => new()
    {
        Cpr = cpr,
        CaseType = caseType,
        Interview = new InterviewHeld { HeldOn = Today.AddDays(-1), Type = InterviewType.Opfoelgningssamtale },
        Form = InterviewForm.Video,
        MatchCategory = MatchCategory.LavGradAfMatch,
        EmploymentGoals =
        [
            new EmploymentGoal { OccupationCode = "5220", Text = "Butiksassistent" },
            new EmploymentGoal { OccupationCode = "9132", Text = "Rengøring, æøå ÆØÅ" },
        ],
        RoughMatch = new RoughMatch { Outcome = RoughMatchOutcome.DelvisMatch, OccupationCodes = ["5220", "9132"] },
        FurtherCourse = new FurtherCourse
        {
            Agreements =
            [
                new CourseAgreement { Kind = CourseAgreementKind.Jobsoegning, Text = "Søger 5 stillinger om ugen.\nFølger op.", Deadline = Today.AddDays(14), DeadlineSpecified = true },
                new CourseAgreement { Kind = CourseAgreementKind.Uddannelse, Text = "Truckcertifikat" },
            ],
        },
        Offers =
        [
            new Offer { Kind = OfferKind.Virksomhedspraktik, Status = OfferStatus.Planlagt, StartDate = Today.AddDays(7) },
            new Offer { Kind = OfferKind.VejledningOgOpkvalificering, Status = OfferStatus.Paabegyndt, StartDate = Today.AddDays(-20) },
        ],
        CvStatus = CvStatus.Opdateret,
        NextContact = new NextContact { PlannedOn = Today.AddDays(60), PlannedOnSpecified = true },
        JobSearchBehaviour = new JobSearchBehaviour { Assessment = JobSearchAssessment.Delvis, Text = "Søger mest inden for detail." },
        CitizenComments = "Borgeren ønsker <b>deltid</b> & \"fleksible\" tider.",
    };
}
