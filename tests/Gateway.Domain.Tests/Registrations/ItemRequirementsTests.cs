using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

public class ItemRequirementsTests
{
    // One row per cell of the table in domain.md § 4 (AF = Employment Service unit).
    [TestCase(RegistrationItem.Identification, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.Identification, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.Interview, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.Interview, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.Form, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.Form, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.MatchCategory, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.MatchCategory, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.EmploymentGoals, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.EmploymentGoals, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.RoughMatch, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.RoughMatch, AuthorityKind.Municipality, Requirement.Voluntary)]
    [TestCase(RegistrationItem.FurtherCourse, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.FurtherCourse, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.Offers, AuthorityKind.EmploymentServiceUnit, Requirement.Optional)]
    [TestCase(RegistrationItem.Offers, AuthorityKind.Municipality, Requirement.Optional)]
    [TestCase(RegistrationItem.CvStatus, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.CvStatus, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.NextContact, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.NextContact, AuthorityKind.Municipality, Requirement.Mandatory)]
    [TestCase(RegistrationItem.JobSearchBehaviour, AuthorityKind.EmploymentServiceUnit, Requirement.Mandatory)]
    [TestCase(RegistrationItem.JobSearchBehaviour, AuthorityKind.Municipality, Requirement.Voluntary)]
    [TestCase(RegistrationItem.CitizenComments, AuthorityKind.EmploymentServiceUnit, Requirement.Optional)]
    [TestCase(RegistrationItem.CitizenComments, AuthorityKind.Municipality, Requirement.Optional)]
    public void For_ItemAndResponsibleAuthority_IsAsInDomainTable(RegistrationItem item, AuthorityKind responsible, Requirement expected) =>
        Assert.That(ItemRequirements.For(item, responsible), Is.EqualTo(expected));

    [Test]
    public void For_EveryItem_HasARowForBothAuthorities()
    {
        Assert.That(Enum.GetValues<RegistrationItem>(), Has.Length.EqualTo(12));
        foreach (var item in Enum.GetValues<RegistrationItem>())
        {
            Assert.DoesNotThrow(() => ItemRequirements.For(item, AuthorityKind.Municipality));
            Assert.DoesNotThrow(() => ItemRequirements.For(item, AuthorityKind.EmploymentServiceUnit));
        }
    }

    [Test]
    public void For_OtherActor_ThrowsBecauseItIsHeldToItsPrincipalsColumn() =>
        Assert.That(() => ItemRequirements.For(RegistrationItem.RoughMatch, AuthorityKind.OtherActor), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void CaseTypesFor_EmploymentServiceUnit_OnlyDagpenge() =>
        Assert.That(ItemRequirements.CaseTypesFor(AuthorityKind.EmploymentServiceUnit), Is.EquivalentTo(new[] { CaseType.Dagpenge }));

    [Test]
    public void CaseTypesFor_Municipality_KontanthjaelpAndStarthjaelp() =>
        Assert.That(ItemRequirements.CaseTypesFor(AuthorityKind.Municipality), Is.EquivalentTo(new[] { CaseType.Kontanthjaelp, CaseType.Starthjaelp }));

    [Test]
    public void CaseTypesFor_OtherActor_None() =>
        Assert.That(ItemRequirements.CaseTypesFor(AuthorityKind.OtherActor), Is.Empty);

    [Test]
    public void IsPresent_FullEmploymentServiceInterview_EveryItemButOffersAndComments()
    {
        var interview = EmploymentServiceInterview();

        var present = Enum.GetValues<RegistrationItem>().Where(item => ItemRequirements.IsPresent(item, interview));

        Assert.That(present, Is.EquivalentTo(Enum.GetValues<RegistrationItem>().Except([RegistrationItem.Offers, RegistrationItem.CitizenComments])));
    }

    [Test]
    public void IsPresent_NoEmploymentGoals_False() =>
        Assert.That(ItemRequirements.IsPresent(RegistrationItem.EmploymentGoals, MunicipalityInterview() with { EmploymentGoals = [] }), Is.False);

    [Test]
    public void IsPresent_NoRoughMatch_False() =>
        Assert.That(ItemRequirements.IsPresent(RegistrationItem.RoughMatch, MunicipalityInterview()), Is.False);

    [Test]
    public void IsPresent_NoJobSearchBehaviour_False() =>
        Assert.That(ItemRequirements.IsPresent(RegistrationItem.JobSearchBehaviour, MunicipalityInterview()), Is.False);

    [TestCase(0, null, false, TestName = "IsPresent_FurtherCourseNoAgreementsNoReason_False")]
    [TestCase(0, "", false, TestName = "IsPresent_FurtherCourseNoAgreementsEmptyReason_False")]
    [TestCase(0, "   ", false, TestName = "IsPresent_FurtherCourseNoAgreementsBlankReason_False")]
    [TestCase(0, "Borgeren er sygemeldt.", true, TestName = "IsPresent_FurtherCourseNoAgreementsWithReason_True")]
    [TestCase(1, null, true, TestName = "IsPresent_FurtherCourseOneAgreement_True")]
    public void IsPresent_FurtherCourse_AgreementsOrAReason(int agreements, string? reason, bool expected)
    {
        var course = new FurtherCourseItem(
            [.. Enumerable.Repeat(new CourseAgreementItem(CourseAgreementKind.Andet, "Aftale", null), agreements)], reason);

        Assert.That(ItemRequirements.IsPresent(RegistrationItem.FurtherCourse, MunicipalityInterview() with { FurtherCourse = course }), Is.EqualTo(expected));
    }

    [Test]
    public void IsPresent_OffersNull_False() =>
        Assert.That(ItemRequirements.IsPresent(RegistrationItem.Offers, MunicipalityInterview() with { Offers = null }), Is.False);

    [Test]
    public void IsPresent_OffersEmpty_False() =>
        Assert.That(ItemRequirements.IsPresent(RegistrationItem.Offers, MunicipalityInterview() with { Offers = [] }), Is.False);

    [Test]
    public void IsPresent_OneOffer_True() =>
        Assert.That(ItemRequirements.IsPresent(RegistrationItem.Offers,
            MunicipalityInterview() with { Offers = [new OfferItem(OfferKind.Virksomhedspraktik, OfferStatus.Planlagt, InterviewDay.AddDays(7))] }), Is.True);

    [TestCase(true, false, true, TestName = "IsPresent_NextContactPlannedOnOnly_True")]
    [TestCase(false, true, true, TestName = "IsPresent_NextContactEndReasonOnly_True")]
    [TestCase(true, true, true, TestName = "IsPresent_NextContactBoth_True")]
    [TestCase(false, false, false, TestName = "IsPresent_NextContactNeither_False")]
    public void IsPresent_NextContact_DateOrEndReason(bool planned, bool endReason, bool expected)
    {
        var next = new NextContactItem(planned ? InterviewDay.AddDays(28) : null, endReason ? CourseEndReason.Selvforsoergelse : null);

        Assert.That(ItemRequirements.IsPresent(RegistrationItem.NextContact, MunicipalityInterview() with { NextContact = next }), Is.EqualTo(expected));
    }

    [TestCase(null, false, TestName = "IsPresent_CitizenCommentsNull_False")]
    [TestCase("", false, TestName = "IsPresent_CitizenCommentsEmpty_False")]
    [TestCase("Jeg vil gerne i praktik.", true, TestName = "IsPresent_CitizenComments_True")]
    public void IsPresent_CitizenComments_WhenText(string? comments, bool expected) =>
        Assert.That(ItemRequirements.IsPresent(RegistrationItem.CitizenComments, MunicipalityInterview() with { CitizenComments = comments }), Is.EqualTo(expected));

    [TestCase(RegistrationItem.Identification)]
    [TestCase(RegistrationItem.Interview)]
    [TestCase(RegistrationItem.Form)]
    [TestCase(RegistrationItem.MatchCategory)]
    [TestCase(RegistrationItem.CvStatus)]
    public void IsPresent_ItemRequiredByTheContract_AlwaysTrue(RegistrationItem item) =>
        Assert.That(ItemRequirements.IsPresent(item, MunicipalityInterview()), Is.True);
}
