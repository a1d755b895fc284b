using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>RegistrationRules.Check: the items each authority must register (domain.md § 4) and their codes.</summary>
public class RegistrationRulesItemTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());

    // Items 6 and 11 are mandatory for an Employment Service unit, voluntary for a municipality; an other actor
    // is held to its principal's column.
    [TestCase(AuthorityKind.EmploymentServiceUnit, false, "RoughMatch")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, false, "JobSearchBehaviour")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, true, "RoughMatch")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, true, "JobSearchBehaviour")]
    public void Check_EmploymentServiceWithoutItem6Or11_ItemMissing(AuthorityKind responsible, bool viaOtherActor, string item)
    {
        var interview = item == "RoughMatch"
            ? EmploymentServiceInterview() with { RoughMatch = null }
            : EmploymentServiceInterview() with { JobSearchBehaviour = null };

        var outcome = Rules.Check(CallerFor(responsible, viaOtherActor), interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ($"Registration/{item}", "Item.Missing") }));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Check_MunicipalityWithoutItems6And11_Accepted(bool viaOtherActor)
    {
        var interview = MunicipalityInterview();
        Assert.That(interview.RoughMatch is null && interview.JobSearchBehaviour is null, "the sample leaves out the voluntary items");

        var outcome = Rules.Check(CallerFor(AuthorityKind.Municipality, viaOtherActor), interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.Empty);
    }

    [Test]
    public void Check_MunicipalityWithItems6And11_Accepted()
    {
        var interview = EmploymentServiceInterview() with { CaseType = CaseType.Kontanthjaelp };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [Test]
    public void Check_EmploymentServiceWithoutItems6And11_BothMissing()
    {
        var interview = EmploymentServiceInterview() with { RoughMatch = null, JobSearchBehaviour = null };

        var outcome = Rules.Check(EmploymentServiceCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EquivalentTo(new[]
        {
            ("Registration/RoughMatch", "Item.Missing"),
            ("Registration/JobSearchBehaviour", "Item.Missing"),
        }));
    }

    [TestCase(AuthorityKind.Municipality)]
    [TestCase(AuthorityKind.EmploymentServiceUnit)]
    public void Check_NoEmploymentGoals_ItemMissing(AuthorityKind responsible)
    {
        var outcome = Rules.Check(CallerFor(responsible, false), InterviewFor(responsible) with { EmploymentGoals = [] }, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/EmploymentGoals", "Item.Missing") }));
    }

    [TestCase(AuthorityKind.Municipality)]
    [TestCase(AuthorityKind.EmploymentServiceUnit)]
    public void Check_NoAgreementsAndNoReason_FurtherCourseMissing(AuthorityKind responsible)
    {
        var interview = InterviewFor(responsible) with { FurtherCourse = new FurtherCourseItem([], null) };

        var outcome = Rules.Check(CallerFor(responsible, false), interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/FurtherCourse", "Item.Missing") }));
    }

    [Test]
    public void Check_NoAgreementsAndBlankReason_FurtherCourseMissing()
    {
        var interview = MunicipalityInterview() with { FurtherCourse = new FurtherCourseItem([], "  ") };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/FurtherCourse", "Item.Missing") }));
    }

    [TestCase(AuthorityKind.Municipality)]
    [TestCase(AuthorityKind.EmploymentServiceUnit)]
    public void Check_NoAgreementsWithReason_Accepted(AuthorityKind responsible)
    {
        var interview = InterviewFor(responsible) with { FurtherCourse = new FurtherCourseItem([], "Borgeren er sygemeldt.") };

        Assert.That(Rules.Check(CallerFor(responsible, false), interview, SameAfternoon).Violations(), Is.Empty);
    }

    [Test]
    public void Check_AgreementsAndReason_ReasonWithAgreements()
    {
        var interview = MunicipalityInterview();
        interview = interview with { FurtherCourse = interview.FurtherCourse with { NoAgreementReason = "Borgeren er sygemeldt." } };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/FurtherCourse/NoAgreementReason", "FurtherCourse.ReasonWithAgreements") }));
    }

    [Test]
    public void Check_OffersAndCitizenComments_AcceptedAsOptionalItems()
    {
        var interview = MunicipalityInterview() with
        {
            Offers = [new OfferItem(OfferKind.Virksomhedspraktik, OfferStatus.Planlagt, InterviewDay.AddDays(7))],
            CitizenComments = "Jeg vil gerne i praktik.",
        };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [TestCase("913", TestName = "Check_OccupationCodeThreeDigits_Invalid")]
    [TestCase("91320", TestName = "Check_OccupationCodeFiveDigits_Invalid")]
    [TestCase("91a2", TestName = "Check_OccupationCodeLetter_Invalid")]
    [TestCase("", TestName = "Check_OccupationCodeEmpty_Invalid")]
    public void Check_EmploymentGoalWithInvalidOccupationCode_OccupationCodeInvalid(string code)
    {
        var interview = MunicipalityInterview() with { EmploymentGoals = [new EmploymentGoalItem(code, null)] };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/EmploymentGoals/Goal[1]/OccupationCode", "OccupationCode.Invalid") }));
    }

    [Test]
    public void Check_SecondEmploymentGoalInvalid_PathNamesSecondGoal()
    {
        var interview = MunicipalityInterview() with { EmploymentGoals = [new EmploymentGoalItem("9132", null), new EmploymentGoalItem("91", null)] };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/EmploymentGoals/Goal[2]/OccupationCode", "OccupationCode.Invalid") }));
    }

    [Test]
    public void Check_FiveEmploymentGoals_Accepted()
    {
        var interview = MunicipalityInterview() with { EmploymentGoals = [.. Enumerable.Range(0, 5).Select(i => new EmploymentGoalItem($"913{i}", null))] };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [Test]
    public void Check_SixEmploymentGoals_TooMany()
    {
        var interview = MunicipalityInterview() with { EmploymentGoals = [.. Enumerable.Range(0, 6).Select(i => new EmploymentGoalItem($"913{i}", null))] };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/EmploymentGoals", "EmploymentGoals.TooMany") }));
    }

    [Test]
    public void Check_RoughMatchWithInvalidOccupationCode_OccupationCodeInvalid()
    {
        var interview = EmploymentServiceInterview() with { RoughMatch = new RoughMatchItem(RoughMatchOutcome.DelvisMatch, ["9132", "9x32"]) };

        var outcome = Rules.Check(EmploymentServiceCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/RoughMatch/OccupationCode[2]", "OccupationCode.Invalid") }));
    }

    [Test]
    public void Check_SeveralRulesBroken_ReportsEveryViolation()
    {
        var interview = MunicipalityInterview() with
        {
            Cpr = "3102901234",
            CaseType = CaseType.Dagpenge,
            EmploymentGoals = [],
            NextContact = new NextContactItem(InterviewDay, null),
        };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EquivalentTo(new[]
        {
            ("Registration/NextContact/PlannedOn", "Date.NotAfterInterview"),
            ("Registration/Cpr", "Cpr.Invalid"),
            ("Registration/CaseType", "CaseType.NotForAuthority"),
            ("Registration/EmploymentGoals", "Item.Missing"),
        }));
    }
}
