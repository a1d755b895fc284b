using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>RegistrationRules.Check: who calls, for whom, and which case types they may register (domain.md § 2-3).</summary>
public class RegistrationRulesCallerTests
{
    private static readonly RegistrationRules Rules = new(new RegistrationPolicy());

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

    [Test]
    public void Check_OtherActorWithoutPrincipal_PrincipalRequired()
    {
        var outcome = Rules.Check(new Caller(OtherActor, null, CaseWorkerId), MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/Principal", "Principal.Required") }));
    }

    [Test]
    public void Check_OtherActorForAnotherOtherActor_PrincipalNotAnAuthority()
    {
        var principal = new AuthorityId(AuthorityKind.OtherActor, "12345674");

        var outcome = Rules.Check(OtherActorFor(principal), MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/Principal/Kind", "Principal.NotAnAuthority") }));
    }

    [Test]
    public void Check_MunicipalityNamingAPrincipal_PrincipalNotAllowed()
    {
        var caller = MunicipalityCaller with { Principal = new AuthorityId(AuthorityKind.Municipality, "147") };

        var outcome = Rules.Check(caller, MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/Principal", "Principal.NotAllowed") }));
    }

    [Test]
    public void Check_EmploymentServiceUnitNamingAPrincipal_PrincipalNotAllowed()
    {
        var caller = EmploymentServiceCaller with { Principal = new AuthorityId(AuthorityKind.EmploymentServiceUnit, "5678") };

        var outcome = Rules.Check(caller, EmploymentServiceInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/Principal", "Principal.NotAllowed") }));
    }

    [Test]
    public void Check_OtherActorForPrincipalWithInvalidCode_PrincipalCodeInvalid()
    {
        var outcome = Rules.Check(OtherActorFor(new AuthorityId(AuthorityKind.Municipality, "1010")), MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/Principal/Code", "Authority.InvalidCode") }));
    }

    [TestCase(AuthorityKind.Municipality, "10")]
    [TestCase(AuthorityKind.Municipality, "000")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, "12")]
    public void Check_ActingAuthorityWithInvalidCode_ActingAuthorityCodeInvalid(AuthorityKind kind, string code)
    {
        var caller = new Caller(new AuthorityId(kind, code), null, CaseWorkerId);

        var outcome = Rules.Check(caller, InterviewFor(kind), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/ActingAuthority/Code", "Authority.InvalidCode") }));
    }

    [Test]
    public void Check_OtherActorWithInvalidCvr_ActingAuthorityCodeInvalid()
    {
        // 24256791: weighted sum 133, not a multiple of 11.
        var caller = OtherActorFor(Municipality101) with { ActingAuthority = new AuthorityId(AuthorityKind.OtherActor, "24256791") };

        var outcome = Rules.Check(caller, MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/ActingAuthority/Code", "Authority.InvalidCode") }));
    }

    [TestCase("", TestName = "Check_CaseWorkerIdEmpty_Invalid")]
    [TestCase("   ", TestName = "Check_CaseWorkerIdBlank_Invalid")]
    [TestCase("sagsbeh\t17", TestName = "Check_CaseWorkerIdWithTab_Invalid")]
    [TestCase("sagsbeh\n17", TestName = "Check_CaseWorkerIdWithLineBreak_Invalid")]
    [TestCase("sagsbeh\u000017", TestName = "Check_CaseWorkerIdWithNul_Invalid")]
    public void Check_CaseWorkerIdBlankOrWithControlCharacter_CaseWorkerIdInvalid(string caseWorkerId)
    {
        var outcome = Rules.Check(MunicipalityCaller with { CaseWorkerId = caseWorkerId }, MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/CaseWorkerId", "CaseWorkerId.Invalid") }));
    }

    [Test]
    public void Check_CaseWorkerIdNull_CaseWorkerIdInvalid()
    {
        // The rules stand on their own, not only behind the XSD: a missing id is refused, not a NullReferenceException.
        var outcome = Rules.Check(MunicipalityCaller with { CaseWorkerId = null! }, MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/CaseWorkerId", "CaseWorkerId.Invalid") }));
    }

    [Test]
    public void Check_CaseWorkerIdOverMaximum_CaseWorkerIdInvalid()
    {
        var outcome = Rules.Check(MunicipalityCaller with { CaseWorkerId = new string('a', RegistrationRules.CaseWorkerIdMax + 1) }, MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Header/CallContext/CaseWorkerId", "CaseWorkerId.Invalid") }));
    }

    [TestCase(1)]
    [TestCase(64)]
    public void Check_CaseWorkerIdWithinLength_Accepted(int length)
    {
        Assert.That(RegistrationRules.CaseWorkerIdMax, Is.EqualTo(64));

        var outcome = Rules.Check(MunicipalityCaller with { CaseWorkerId = new string('a', length) }, MunicipalityInterview(), SameAfternoon);

        Assert.That(outcome.Violations(), Is.Empty);
    }

    [TestCase("3102901234", TestName = "Check_CprWith31February_CprInvalid")]
    [TestCase("010190-1234", TestName = "Check_CprWithHyphen_CprInvalid")]
    [TestCase("", TestName = "Check_CprEmpty_CprInvalid")]
    public void Check_InvalidCpr_CprInvalid(string cpr)
    {
        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview() with { Cpr = cpr }, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/Cpr", "Cpr.Invalid") }));
    }

    [Test]
    public void Check_CprViolationText_DoesNotRepeatTheCpr()
    {
        const string cpr = "3102901234";

        var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview() with { Cpr = cpr }, SameAfternoon);

        Assert.That(outcome.Violations.Single().Text, Does.Not.Contain(cpr).And.Not.Contain("310290"));
    }
}
