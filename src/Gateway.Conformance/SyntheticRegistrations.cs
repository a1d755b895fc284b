using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;

namespace Gateway.Conformance;

/// <summary>
/// The registrations the kit sends: synthetic citizens (valid CPR numbers of people born 1960-1999, different in every
/// run), interviews held today in Denmark, and either every item mandatory for the responsible authority or all twelve.
/// </summary>
internal sealed class SyntheticRegistrations
{
    private readonly Random _random = new();
    private int _serial;

    /// <summary>Today in Denmark, where the gateway dates interviews.</summary>
    public static DateTime Today { get; } = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).Date;

    /// <summary>A new synthetic CPR number: DDMMYY of a day in 1960-1999, then a 7th digit 0-3 (the 1900s) and three more.</summary>
    public string NextCpr()
    {
        var born = new DateTime(1960, 1, 1).AddDays(_random.Next(0, 14610));
        return $"{born:ddMMyy}{_random.Next(0, 4)}{Interlocked.Increment(ref _serial) % 1000:D3}";
    }

    /// <summary>Every item mandatory for the authority that registers <paramref name="caseType"/> (an Employment Service unit for Dagpenge, else a municipality), and no more.</summary>
    public InterviewRegistration Mandatory(CaseType caseType, string? cpr = null)
    {
        var registration = new InterviewRegistration
        {
            Cpr = cpr ?? NextCpr(),
            CaseType = caseType,
            Interview = new InterviewHeld { HeldOn = Today, Type = InterviewType.Kontaktsamtale },
            Form = InterviewForm.Personligt,
            MatchCategory = MatchCategory.DelvisMatch,
            EmploymentGoals = [new EmploymentGoal { OccupationCode = "5220", Text = "Butiksassistent" }],
            FurtherCourse = new FurtherCourse
            {
                Agreements = [new CourseAgreement { Kind = CourseAgreementKind.Jobsoegning, Text = "Søger 5 stillinger om ugen.", Deadline = Today.AddDays(28), DeadlineSpecified = true }],
            },
            CvStatus = CvStatus.Opdateret,
            NextContact = new NextContact { PlannedOn = Today.AddDays(21), PlannedOnSpecified = true },
        };
        if (caseType == CaseType.Dagpenge)
        {
            // Items 6 and 11 are mandatory for the Employment Service, voluntary for a municipality.
            registration.RoughMatch = new RoughMatch { Outcome = RoughMatchOutcome.DelvisMatch, OccupationCodes = ["5220"] };
            registration.JobSearchBehaviour = new JobSearchBehaviour { Assessment = JobSearchAssessment.Delvis, Text = "Søger mest inden for detail." };
        }

        return registration;
    }

    /// <summary>All twelve items of § 2 stk. 2, the voluntary and optional ones too.</summary>
    public InterviewRegistration Complete(CaseType caseType)
    {
        var registration = Mandatory(caseType);
        registration.RoughMatch = new RoughMatch { Outcome = RoughMatchOutcome.DelvisMatch, OccupationCodes = ["5220", "9132"] };
        registration.Offers = [new Offer { Kind = OfferKind.Virksomhedspraktik, Status = OfferStatus.Planlagt, StartDate = Today.AddDays(7) }];
        registration.JobSearchBehaviour = new JobSearchBehaviour { Assessment = JobSearchAssessment.Delvis, Text = "Søger mest inden for detail." };
        registration.CitizenComments = "Borgeren ønsker deltid.";
        return registration;
    }
}
