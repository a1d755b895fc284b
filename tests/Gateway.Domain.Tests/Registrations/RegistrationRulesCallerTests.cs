using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>RegistrationRules.Check: which case types a caller may register for its responsible authority (domain.md § 2-3), and the citizen.</summary>
public class RegistrationRulesCallerTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());

    [Test]
    public void Check_ValidMunicipalityRegistration_AcceptedWithoutWarnings()
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(), SameAfternoon);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Violations(), Is.Empty);
            Assert.That(outcome.Accepted, Is.True);
            Assert.That(outcome.Warnings, Is.Empty);
            Assert.That(outcome.Late, Is.False);
        }
    }

    [Test]
    public void Check_ValidEmploymentServiceRegistration_AcceptedWithoutWarnings()
    {
        var outcome = Rules.Check(EmploymentServiceCaller, EmploymentServiceInterview(), SameAfternoon);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Violations(), Is.Empty);
            Assert.That(outcome.Warnings, Is.Empty);
        }
    }

    [Test]
    public void Check_OtherActorForMunicipality_Accepted() =>
        Assert.That(Rules.Check(OtherActorFor(Municipality101), MunicipalityInterview(), SameAfternoon).Violations(), Is.Empty);

    [Test]
    public void Check_OtherActorForEmploymentServiceUnit_Accepted() =>
        Assert.That(Rules.Check(OtherActorFor(Unit1234), EmploymentServiceInterview(), SameAfternoon).Violations(), Is.Empty);

    // The full Employment Service interview holds every item, so only the case type can be wrong.
    [TestCase(AuthorityKind.Municipality, false, CaseType.Kontanthjaelp, true)]
    [TestCase(AuthorityKind.Municipality, false, CaseType.Starthjaelp, true)]
    [TestCase(AuthorityKind.Municipality, false, CaseType.Dagpenge, false)]
    [TestCase(AuthorityKind.EmploymentServiceUnit, false, CaseType.Dagpenge, true)]
    [TestCase(AuthorityKind.EmploymentServiceUnit, false, CaseType.Kontanthjaelp, false)]
    [TestCase(AuthorityKind.EmploymentServiceUnit, false, CaseType.Starthjaelp, false)]
    [TestCase(AuthorityKind.Municipality, true, CaseType.Kontanthjaelp, true)]
    [TestCase(AuthorityKind.Municipality, true, CaseType.Starthjaelp, true)]
    [TestCase(AuthorityKind.Municipality, true, CaseType.Dagpenge, false)]
    [TestCase(AuthorityKind.EmploymentServiceUnit, true, CaseType.Dagpenge, true)]
    [TestCase(AuthorityKind.EmploymentServiceUnit, true, CaseType.Kontanthjaelp, false)]
    [TestCase(AuthorityKind.EmploymentServiceUnit, true, CaseType.Starthjaelp, false)]
    public void Check_CaseTypeForResponsibleAuthority_OnlyItsOwnCaseTypes(AuthorityKind responsible, bool viaOtherActor, CaseType caseType, bool allowed)
    {
        var outcome = Rules.Check(CallerFor(responsible, viaOtherActor), EmploymentServiceInterview() with { CaseType = caseType }, SameAfternoon);

        Assert.That(outcome.Violations(), allowed
            ? Is.Empty
            : Is.EqualTo(new[] { ("Registration/CaseType", "CaseType.NotForAuthority") }));
    }

    [TestCase("3102901234", TestName = "Check_CprWith31February_CprInvalid")]
    [TestCase("010190-1234", TestName = "Check_CprWithHyphen_CprInvalid")]
    [TestCase("", TestName = "Check_CprEmpty_CprInvalid")]
    public void Check_InvalidCpr_CprInvalid(string cpr)
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview() with { Cpr = cpr }, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/Cpr", "Cpr.Invalid") }));
    }

    [TestCase("1106244123", TestName = "Check_CprBornTheDayAfterTheInterview_CprBornAfterInterview")]
    [TestCase("0101364123", TestName = "Check_CprBornIn2036_CprBornAfterInterview")]
    [TestCase("3112575123", TestName = "Check_CprBornIn2057_CprBornAfterInterview")]
    public void Check_CprBornAfterTheInterview_CprBornAfterInterview(string cpr)
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(new DateOnly(2024, 6, 10)) with { Cpr = cpr }, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/Cpr", "Cpr.BornAfterInterview") }));
    }

    [TestCase("1006244123", TestName = "Check_CprBornOnTheInterviewDay_Accepted")]
    [TestCase("0101585123", TestName = "Check_CprBornIn1858_Accepted")]
    public void Check_CprBornByTheInterview_Accepted(string cpr)
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview(new DateOnly(2024, 6, 10)) with { Cpr = cpr }, SameAfternoon);

        Assert.That(outcome.Violations(), Is.Empty);
    }

    [Test]
    public void Check_CprViolationText_DoesNotRepeatTheCpr()
    {
        const string cpr = "3102901234";

        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview() with { Cpr = cpr }, SameAfternoon);

        Assert.That(outcome.Violations.Single().Text, Does.Not.Contain(cpr).And.Not.Contain("310290"));
    }
}
