using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.FingerprintSamples;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>
/// What the fingerprint covers: every input of a write changes it, one at a time, including the edges a careless form
/// would merge (null and empty, an empty list and none, an item moved within a list); equal values in other collection
/// instances do not. The call id is no input at all, which the operations' tests show end to end.
/// </summary>
public class RequestFingerprintInputTests
{
    private static readonly Caller Caller = OtherActorCaller;

    private static IEnumerable<TestCaseData> CallerChanges()
    {
        yield return Change("ActingAuthorityKind", c => c with { ActingAuthority = c.ActingAuthority with { Kind = AuthorityKind.EmploymentServiceUnit } });
        yield return Change("ActingAuthorityCode", c => c with { ActingAuthority = c.ActingAuthority with { Code = "31174181" } });
        yield return Change("PrincipalAbsent", c => c with { Principal = null });
        yield return Change("PrincipalKind", c => c with { Principal = c.Principal! with { Kind = AuthorityKind.EmploymentServiceUnit } });
        yield return Change("PrincipalCode", c => c with { Principal = c.Principal! with { Code = "147" } });
        yield return Change("CaseWorker", c => c with { CaseWorkerId = "sagsbeh-18" });
    }

    private static IEnumerable<TestCaseData> InterviewChanges()
    {
        yield return Change("Cpr", i => i with { Cpr = "0202901234" });
        yield return Change("CaseType", i => i with { CaseType = CaseType.Starthjaelp });
        yield return Change("HeldOn", i => i with { HeldOn = i.HeldOn.AddDays(1) });
        yield return Change("Type", i => i with { Type = InterviewType.Jobsamtale });
        yield return Change("Form", i => i with { Form = InterviewForm.Video });
        yield return Change("MatchCategory", i => i with { MatchCategory = MatchCategory.HoejGradAfMatch });
        yield return Change("EmploymentGoalRemoved", i => i with { EmploymentGoals = [i.EmploymentGoals[0]] });
        yield return Change("EmploymentGoalsReordered", i => i with { EmploymentGoals = [i.EmploymentGoals[1], i.EmploymentGoals[0]] });
        yield return Change("EmploymentGoalCode", i => i with { EmploymentGoals = [i.EmploymentGoals[0] with { OccupationCode = "9133" }, i.EmploymentGoals[1]] });
        yield return Change("EmploymentGoalTextAbsent", i => i with { EmploymentGoals = [i.EmploymentGoals[0] with { Text = null }, i.EmploymentGoals[1]] });
        yield return Change("EmploymentGoalTextEmptyNotAbsent", i => i with { EmploymentGoals = [i.EmploymentGoals[0], i.EmploymentGoals[1] with { Text = "" }] });
        yield return Change("EmploymentGoalTextTheWordNull", i => i with { EmploymentGoals = [i.EmploymentGoals[0], i.EmploymentGoals[1] with { Text = "null" }] });
        yield return Change("RoughMatchAbsent", i => i with { RoughMatch = null });
        yield return Change("RoughMatchOutcome", i => i with { RoughMatch = i.RoughMatch! with { Outcome = RoughMatchOutcome.DelvisMatch } });
        yield return Change("RoughMatchCodesEmpty", i => i with { RoughMatch = i.RoughMatch! with { OccupationCodes = [] } });
        yield return Change("RoughMatchCodesReordered", i => i with { RoughMatch = i.RoughMatch! with { OccupationCodes = ["5131", "9132"] } });
        yield return Change("RoughMatchCodesJoined", i => i with { RoughMatch = i.RoughMatch! with { OccupationCodes = ["91325131"] } });
        yield return Change("AgreementRemoved", i => i with { FurtherCourse = i.FurtherCourse with { Agreements = [i.FurtherCourse.Agreements[0]] } });
        yield return Change("AgreementKind", i => i with { FurtherCourse = i.FurtherCourse with { Agreements = [i.FurtherCourse.Agreements[0] with { Kind = CourseAgreementKind.Andet }, i.FurtherCourse.Agreements[1]] } });
        yield return Change("AgreementText", i => i with { FurtherCourse = i.FurtherCourse with { Agreements = [i.FurtherCourse.Agreements[0] with { Text = "Søger fire stillinger." }, i.FurtherCourse.Agreements[1]] } });
        yield return Change("AgreementDeadlineAbsent", i => i with { FurtherCourse = i.FurtherCourse with { Agreements = [i.FurtherCourse.Agreements[0] with { Deadline = null }, i.FurtherCourse.Agreements[1]] } });
        yield return Change("AgreementDeadlineGiven", i => i with { FurtherCourse = i.FurtherCourse with { Agreements = [i.FurtherCourse.Agreements[0], i.FurtherCourse.Agreements[1] with { Deadline = new DateOnly(2024, 6, 24) }] } });
        yield return Change("NoAgreementReason", i => i with { FurtherCourse = i.FurtherCourse with { NoAgreementReason = "Ingen" } });
        yield return Change("OffersAbsent", i => i with { Offers = null });
        yield return Change("OffersEmptyNotAbsent", i => i with { Offers = [] });
        yield return Change("OfferKind", i => i with { Offers = [i.Offers![0] with { Kind = OfferKind.Loentilskud }] });
        yield return Change("OfferStatus", i => i with { Offers = [i.Offers![0] with { Status = OfferStatus.Paabegyndt }] });
        yield return Change("OfferStartDate", i => i with { Offers = [i.Offers![0] with { StartDate = new DateOnly(2024, 7, 2) }] });
        yield return Change("CvStatus", i => i with { CvStatus = CvStatus.Registreret });
        yield return Change("NextContactPlannedOn", i => i with { NextContact = i.NextContact with { PlannedOn = new DateOnly(2024, 7, 9) } });
        yield return Change("NextContactEndReason", i => i with { NextContact = new NextContactItem(null, CourseEndReason.Overgang) });
        yield return Change("JobSearchBehaviourAbsent", i => i with { JobSearchBehaviour = null });
        yield return Change("JobSearchAssessment", i => i with { JobSearchBehaviour = i.JobSearchBehaviour! with { Assessment = JobSearchAssessment.Delvis } });
        yield return Change("JobSearchTextAbsent", i => i with { JobSearchBehaviour = i.JobSearchBehaviour! with { Text = null } });
        yield return Change("CitizenCommentsAbsent", i => i with { CitizenComments = null });
        yield return Change("CitizenComments", i => i with { CitizenComments = "Borgeren er enig." });
        yield return Change("CitizenCommentsForgingALine", i => i with { CitizenComments = "x\ninterview.citizenComments=1:x" });
    }

    private static IEnumerable<TestCaseData> EveryChange() => CallerChanges().Concat(InterviewChanges());

    [TestCaseSource(nameof(EveryChange))]
    public void OfRegistration_OneInputChanged_FingerprintChanges(Func<Caller, Caller> caller, Func<Interview, Interview> interview) =>
        Assert.That(
            RequestFingerprint.OfRegistration(caller(Caller), interview(Full())).Value,
            Is.Not.EqualTo(RequestFingerprint.OfRegistration(Caller, Full()).Value));

    [TestCaseSource(nameof(EveryChange))]
    public void OfCorrection_OneInputChanged_FingerprintChanges(Func<Caller, Caller> caller, Func<Interview, Interview> interview) =>
        Assert.That(
            RequestFingerprint.OfCorrection(caller(Caller), RegistrationId, 2, "Rettelse", interview(Full())).Value,
            Is.Not.EqualTo(RequestFingerprint.OfCorrection(Caller, RegistrationId, 2, "Rettelse", Full()).Value));

    [TestCaseSource(nameof(CallerChanges))]
    public void OfCancellation_OneInputChanged_FingerprintChanges(Func<Caller, Caller> caller, Func<Interview, Interview> interview)
    {
        _ = interview;
        Assert.That(
            RequestFingerprint.OfCancellation(caller(Caller), RegistrationId, 2, "Fejl").Value,
            Is.Not.EqualTo(RequestFingerprint.OfCancellation(Caller, RegistrationId, 2, "Fejl").Value));
    }

    [TestCase("01a2183d-3dde-7a1b-b5fb-956b20012648", 2, "Fejl", TestName = "OfCancellation_RegistrationIdChanged_FingerprintChanges")]
    [TestCase("01a2183d-3dde-7a1b-b5fb-956b20012647", 3, "Fejl", TestName = "OfCancellation_VersionChanged_FingerprintChanges")]
    [TestCase("01a2183d-3dde-7a1b-b5fb-956b20012647", 2, "Fejl.", TestName = "OfCancellation_ReasonChanged_FingerprintChanges")]
    public void OfCancellation_ChangeOfItsOwnInput_FingerprintChanges(string registrationId, int version, string reason) =>
        Assert.That(
            RequestFingerprint.OfCancellation(Caller, Guid.Parse(registrationId), version, reason).Value,
            Is.Not.EqualTo(RequestFingerprint.OfCancellation(Caller, RegistrationId, 2, "Fejl").Value));

    [TestCase("01a2183d-3dde-7a1b-b5fb-956b20012648", 2, "Rettelse", TestName = "OfCorrection_RegistrationIdChanged_FingerprintChanges")]
    [TestCase("01a2183d-3dde-7a1b-b5fb-956b20012647", 3, "Rettelse", TestName = "OfCorrection_VersionChanged_FingerprintChanges")]
    [TestCase("01a2183d-3dde-7a1b-b5fb-956b20012647", 2, "Rettelse.", TestName = "OfCorrection_ReasonChanged_FingerprintChanges")]
    public void OfCorrection_ChangeOfItsOwnInput_FingerprintChanges(string registrationId, int version, string reason) =>
        Assert.That(
            RequestFingerprint.OfCorrection(Caller, Guid.Parse(registrationId), version, reason, Full()).Value,
            Is.Not.EqualTo(RequestFingerprint.OfCorrection(Caller, RegistrationId, 2, "Rettelse", Full()).Value));

    [Test]
    public void Of_SameContentAsAnotherOperation_FingerprintsDiffer()
    {
        var fingerprints = new[]
        {
            RequestFingerprint.OfRegistration(Caller, Full()).Value,
            RequestFingerprint.OfCorrection(Caller, RegistrationId, 2, "Fejl", Full()).Value,
            RequestFingerprint.OfCancellation(Caller, RegistrationId, 2, "Fejl").Value,
        };
        Assert.That(fingerprints, Is.Unique);
    }

    [Test]
    public void OfRegistration_EqualValuesInOtherInstances_SameFingerprint()
    {
        // Lists as List<T> rather than arrays, records rebuilt: only the values count.
        var copy = Full() with
        {
            EmploymentGoals = new List<EmploymentGoalItem>(Full().EmploymentGoals.Select(g => new EmploymentGoalItem(g.OccupationCode, g.Text))),
            RoughMatch = new RoughMatchItem(RoughMatchOutcome.Match, new List<string> { "9132", "5131" }),
        };
        var caller = new Caller(new AuthorityId(AuthorityKind.OtherActor, "24256790"), new AuthorityId(AuthorityKind.Municipality, "101"), "sagsbeh-17");

        Assert.That(RequestFingerprint.OfRegistration(caller, copy), Is.EqualTo(RequestFingerprint.OfRegistration(Caller, Full())));
    }

    private static TestCaseData Change(string input, Func<Caller, Caller> caller) =>
        new TestCaseData(caller, (Func<Interview, Interview>)(i => i)).SetName($"{{m}}({input})");

    private static TestCaseData Change(string input, Func<Interview, Interview> interview) =>
        new TestCaseData((Func<Caller, Caller>)(c => c), interview).SetName($"{{m}}({input})");
}
