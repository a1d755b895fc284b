using System.Security.Cryptography;
using System.Text;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.FingerprintSamples;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>
/// The fingerprint's forms pinned: form v1 as exact text and hex, and form v0 as the hex that releases before v1 stored
/// for the same writes (computed by that code, then written down here). A change that breaks one of these goldens
/// breaks every retry of a write stored with that form; it belongs in a new form instead (see <see cref="RequestFingerprint"/>).
/// </summary>
public class RequestFingerprintTests
{
    private static readonly string FullRegistrationText = Lines(
        "v1",
        "operation=17:RegisterInterview",
        "actingAuthority.kind=OtherActor",
        "actingAuthority.code=8:24256790",
        "principal.kind=Municipality",
        "principal.code=3:101",
        "caseWorkerId=10:sagsbeh-17",
        "interview.cpr=10:0101901234",
        "interview.caseType=Kontanthjaelp",
        "interview.heldOn=2024-06-10",
        "interview.type=Kontaktsamtale",
        "interview.form=Personligt",
        "interview.matchCategory=DelvisMatch",
        "interview.employmentGoals=2",
        "interview.employmentGoals[0].occupationCode=4:9132",
        "interview.employmentGoals[0].text=20:Rengøring på hotel",
        "interview.employmentGoals[1].occupationCode=4:5131",
        "interview.employmentGoals[1].text=null",
        "interview.roughMatch.outcome=Match",
        "interview.roughMatch.occupationCodes=2",
        "interview.roughMatch.occupationCodes[0]=4:9132",
        "interview.roughMatch.occupationCodes[1]=4:5131",
        "interview.furtherCourse.agreements=2",
        "interview.furtherCourse.agreements[0].kind=Jobsoegning",
        "interview.furtherCourse.agreements[0].text=50:Søger \"fem\" stillinger <om> ugen & mere.\nNy linje",
        "interview.furtherCourse.agreements[0].deadline=2024-06-24",
        "interview.furtherCourse.agreements[1].kind=Tilbud",
        "interview.furtherCourse.agreements[1].text=7:Praktik",
        "interview.furtherCourse.agreements[1].deadline=null",
        "interview.furtherCourse.noAgreementReason=null",
        "interview.offers=1",
        "interview.offers[0].kind=Virksomhedspraktik",
        "interview.offers[0].status=Planlagt",
        "interview.offers[0].startDate=2024-07-01",
        "interview.cvStatus=Opdateret",
        "interview.nextContact.plannedOn=2024-07-08",
        "interview.nextContact.endReason=null",
        "interview.jobSearchBehaviour.assessment=Aktiv",
        "interview.jobSearchBehaviour.text=17:Søger bredt 👍",
        "interview.citizenComments=35:Borgeren er enig + tilfreds 'meget'");

    private static readonly string MinimalCorrectionText = Lines(
        "v1",
        "operation=16:CorrectInterview",
        "actingAuthority.kind=Municipality",
        "actingAuthority.code=3:101",
        "principal=null",
        "caseWorkerId=10:sagsbeh-17",
        "registrationId=01a2183d-3dde-7a1b-b5fb-956b20012647",
        "version=1",
        "reason=8:Rettelse",
        "interview.cpr=10:0101901234",
        "interview.caseType=Dagpenge",
        "interview.heldOn=2024-06-10",
        "interview.type=Andet",
        "interview.form=Telefon",
        "interview.matchCategory=IntetMatch",
        "interview.employmentGoals=0",
        "interview.roughMatch=null",
        "interview.furtherCourse.agreements=0",
        "interview.furtherCourse.noAgreementReason=13:Ingen aftaler",
        "interview.offers=null",
        "interview.cvStatus=Mangler",
        "interview.nextContact.plannedOn=null",
        "interview.nextContact.endReason=Selvforsoergelse",
        "interview.jobSearchBehaviour=null",
        "interview.citizenComments=null");

    private static readonly string CancellationText = Lines(
        "v1",
        "operation=15:CancelInterview",
        "actingAuthority.kind=OtherActor",
        "actingAuthority.code=8:24256790",
        "principal.kind=Municipality",
        "principal.code=3:101",
        "caseWorkerId=10:sagsbeh-17",
        "registrationId=01a2183d-3dde-7a1b-b5fb-956b20012647",
        "version=3",
        "reason=19:Forkert borger <æ>");

    [Test]
    public void CanonicalForm_RegistrationWithEveryItem_AsPinned() =>
        Assert.That(CanonicalRequest.OfRegistration(OtherActorCaller, Full()), Is.EqualTo(FullRegistrationText));

    [Test]
    public void CanonicalForm_CorrectionWithoutOptionalItems_AsPinned() =>
        Assert.That(CanonicalRequest.OfCorrection(MunicipalityCaller, RegistrationId, 1, "Rettelse", Minimal()), Is.EqualTo(MinimalCorrectionText));

    [Test]
    public void CanonicalForm_Cancellation_AsPinned() =>
        Assert.That(CanonicalRequest.OfCancellation(OtherActorCaller, RegistrationId, 3, "Forkert borger <æ>"), Is.EqualTo(CancellationText));

    [Test]
    public void Value_FixedWrites_AsPinned()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RequestFingerprint.OfRegistration(OtherActorCaller, Full()).Value, Is.EqualTo("2B1584D2E73D85CD8B7E76DF0AE4477D8CF20D4ACF77B74F423EF4E0124D613F"));
            Assert.That(RequestFingerprint.OfCorrection(MunicipalityCaller, RegistrationId, 1, "Rettelse", Minimal()).Value, Is.EqualTo("AAAA1C7CDE3B234777710DD9FE1BAAB9D1F85C64E3EF5681FA1058D198294268"));
            Assert.That(RequestFingerprint.OfCancellation(OtherActorCaller, RegistrationId, 3, "Forkert borger <æ>").Value, Is.EqualTo("EC4FA2F388BD68FEB960115D7030143DED533A6BC643FCB85A05D76495B52EA5"));
        });
    }

    [Test]
    public void Value_PinnedTexts_UpperCaseHexOfTheirSHA256()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RequestFingerprint.OfRegistration(OtherActorCaller, Full()).Value, Is.EqualTo(Sha256(FullRegistrationText)));
            Assert.That(RequestFingerprint.OfCorrection(MunicipalityCaller, RegistrationId, 1, "Rettelse", Minimal()).Value, Is.EqualTo(Sha256(MinimalCorrectionText)));
            Assert.That(RequestFingerprint.OfCancellation(OtherActorCaller, RegistrationId, 3, "Forkert borger <æ>").Value, Is.EqualTo(Sha256(CancellationText)));
        });
    }

    [Test]
    public void LegacyForm_RegistrationWithEveryItem_TheJsonReleasesBeforeV1Hashed()
    {
        const string Stored = """{"Operation":"RegisterInterview","ActingAuthority":{"Kind":"OtherActor","Code":"24256790"},"Principal":{"Kind":"Municipality","Code":"101"},"CaseWorkerId":"sagsbeh-17","interview":{"Cpr":"0101901234","CaseType":"Kontanthjaelp","HeldOn":"2024-06-10","Type":"Kontaktsamtale","Form":"Personligt","MatchCategory":"DelvisMatch","EmploymentGoals":[{"OccupationCode":"9132","Text":"Reng\u00F8ring p\u00E5 hotel"},{"OccupationCode":"5131","Text":null}],"RoughMatch":{"Outcome":"Match","OccupationCodes":["9132","5131"]},"FurtherCourse":{"Agreements":[{"Kind":"Jobsoegning","Text":"S\u00F8ger \u0022fem\u0022 stillinger \u003Com\u003E ugen \u0026 mere.\nNy linje","Deadline":"2024-06-24"},{"Kind":"Tilbud","Text":"Praktik","Deadline":null}],"NoAgreementReason":null},"Offers":[{"Kind":"Virksomhedspraktik","Status":"Planlagt","StartDate":"2024-07-01"}],"CvStatus":"Opdateret","NextContact":{"PlannedOn":"2024-07-08","EndReason":null},"JobSearchBehaviour":{"Assessment":"Aktiv","Text":"S\u00F8ger bredt \uD83D\uDC4D"},"CitizenComments":"Borgeren er enig \u002B tilfreds \u0027meget\u0027"}}""";

        Assert.That(Encoding.UTF8.GetString(LegacyRequestJson.OfRegistration(OtherActorCaller, Full())), Is.EqualTo(Stored));
    }

    // Each hex was computed by the JsonSerializer code of releases before v1 for exactly this write.
    [TestCase("FullRegistration", "5BED0B484A9A1F43D1A548E83DF1F355A6D7BE8EF83FE242D74281B9F99780B0")]
    [TestCase("MinimalRegistration", "EEF710C4C460F6AB7566815DAA503EA70C7CF5ECAE4CE70A9FF8B09966431B6A")]
    [TestCase("FullCorrection", "AAED0FD88D5DE51533FF06325A57EFC12F678B15688B7DC1585534F31EB6A961")]
    [TestCase("MinimalCorrection", "B2FC58387E089C41C93DF825DA6375F3326A20E8CC4C1A5CCD89E5A8018B0BE6")]
    [TestCase("Cancellation", "8512D59EAB7A366403EDC560567C5A48D653D1172F09718A5C37A83AC6536A87")]
    [TestCase("MunicipalityCancellation", "DFDE3F9DF16E9AA8F0FA3B237A9F42363F99D21650BA036F91744EA5BBFC327F")]
    public void Recognises_FingerprintStoredBeforeV1_True(string write, string storedBeforeV1)
    {
        var fingerprint = Write(write);
        Assert.Multiple(() =>
        {
            Assert.That(fingerprint.Legacy, Is.EqualTo(storedBeforeV1));
            Assert.That(fingerprint.Recognises(storedBeforeV1), Is.True);
            Assert.That(fingerprint.Value, Is.Not.EqualTo(storedBeforeV1), "the form stored from now on is v1");
        });
    }

    [Test]
    public void Recognises_ItsOwnValue_True()
    {
        var fingerprint = Write("FullCorrection");
        Assert.That(fingerprint.Recognises(fingerprint.Value), Is.True);
    }

    [Test]
    public void Recognises_AnotherWritesFingerprintInEitherForm_False()
    {
        var fingerprint = Write("FullRegistration");
        var other = Write("MinimalRegistration");
        Assert.Multiple(() =>
        {
            Assert.That(fingerprint.Recognises(other.Value), Is.False);
            Assert.That(fingerprint.Recognises(other.Legacy), Is.False);
            Assert.That(fingerprint.Recognises(fingerprint.Value.ToLowerInvariant()), Is.False, "stored fingerprints are upper-case hex");
        });
    }

    private static RequestFingerprint Write(string name) => name switch
    {
        "FullRegistration" => RequestFingerprint.OfRegistration(OtherActorCaller, Full()),
        "MinimalRegistration" => RequestFingerprint.OfRegistration(MunicipalityCaller, Minimal()),
        "FullCorrection" => RequestFingerprint.OfCorrection(OtherActorCaller, RegistrationId, 2, "Forkert dato \"rettet\"", Full()),
        "MinimalCorrection" => RequestFingerprint.OfCorrection(MunicipalityCaller, RegistrationId, 1, "Rettelse", Minimal()),
        "Cancellation" => RequestFingerprint.OfCancellation(OtherActorCaller, RegistrationId, 3, "Forkert borger <æ>"),
        "MunicipalityCancellation" => RequestFingerprint.OfCancellation(MunicipalityCaller, RegistrationId, 1, "Fejl"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such sample write."),
    };

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Lines(params string[] lines) => string.Concat(lines.Select(line => line + "\n"));
}
