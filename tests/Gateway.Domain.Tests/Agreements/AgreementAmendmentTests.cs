using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;

namespace Gateway.Domain.Tests.Agreements;

/// <summary>
/// An amendment of an agreement's terms: which statuses allow one, what it changes and how the history writes it,
/// which changes widen what the agreement admits, and that it meets the rules a request meets.
/// </summary>
public class AgreementAmendmentTests
{
    private static readonly Agreement Current = SampleAgreements.ActiveProduction;

    // A day on which Current is in force (it is valid in 2026).
    private static readonly DateOnly InForce = new(2026, 6, 1);

    // Each field, widened and narrowed (domain.md § 7: a widening amendment of a Production agreement is approved as a new one is).
    public static IEnumerable<TestCaseData> WideningCases()
    {
        yield return Case("OperationAdded", new() { Operations = Set("Ping", "GetContactCourse", "RegisterInterview", "CancelInterview") }, true);
        yield return Case("OperationRemoved", new() { Operations = Set("Ping", "GetContactCourse") }, false);
        yield return Case("OperationSwapped", new() { Operations = Set("Ping", "GetContactCourse", "CancelInterview") }, true);
        yield return Case("CaseTypeAdded", new() { CaseTypes = new HashSet<CaseType>([CaseType.Kontanthjaelp, CaseType.Starthjaelp]) }, true);
        yield return Case("CaseTypeRemoved", new() { CaseTypes = new HashSet<CaseType>() }, false);
        yield return Case("CaseTypeSwapped", new() { CaseTypes = new HashSet<CaseType>([CaseType.Starthjaelp]) }, true);
        yield return Case("ReadScopeToAllCitizens", new() { ReadScope = ReadScope.AllCitizens }, true);
        yield return Case("ValidFromEarlier", new() { ValidFrom = new DateOnly(2025, 12, 1) }, true);
        yield return Case("ValidFromLater", new() { ValidFrom = new DateOnly(2026, 2, 1) }, false);
        yield return Case("ValidToLater", new() { ValidTo = new(new DateOnly(2027, 12, 31)) }, true);
        yield return Case("ValidToRemoved", new() { ValidTo = new(null) }, true);
        yield return Case("ValidToEarlier", new() { ValidTo = new(new DateOnly(2026, 6, 30)) }, false);
        yield return Case("ContactChanged", new() { Contact = new("support@kk.example") }, false);
        yield return Case("ContactRemoved", new() { Contact = new(null) }, false);
        yield return Case("ContractReferenceChanged", new() { ContractReference = new("TA-2027-3") }, false);
        yield return Case("ContractReferenceRemoved", new() { ContractReference = new(null) }, false);
    }

    [TestCaseSource(nameof(WideningCases))]
    public bool Widening_OfOneField_IsWhatItAdmitsMore(AgreementAmendment amendment) => amendment.Revise(Current).Widening.Count > 0;

    [Test]
    public void Widening_ReadScopeBackToOwnCitizens_IsNarrowing() =>
        Assert.That(new AgreementAmendment { ReadScope = ReadScope.OwnCitizens }.Revise(Current with { ReadScope = ReadScope.AllCitizens }).Widening, Is.Empty);

    [Test]
    public void Widening_EndDateSetWhereThereWasNone_IsNarrowing() =>
        Assert.That(new AgreementAmendment { ValidTo = new(new DateOnly(2030, 1, 1)) }.Revise(Current with { ValidTo = null }).Widening, Is.Empty);

    [Test]
    public void Widening_SeveralFields_NamesEachThatWidens()
    {
        var revision = new AgreementAmendment
        {
            Operations = Set("Ping"),
            ReadScope = ReadScope.AllCitizens,
            ValidTo = new(null),
            Contact = new("support@kk.example"),
        }.Revise(Current);

        Assert.That(revision.Widening, Is.EqualTo(new[] { AgreementField.ReadScope, AgreementField.ValidTo }));
    }

    [Test]
    public void Changes_SeveralFields_HoldEachBeforeAndAfterAsText()
    {
        var revision = new AgreementAmendment
        {
            Operations = Set("RegisterInterview", "CancelInterview", "Ping", "GetContactCourse"),
            CaseTypes = new HashSet<CaseType>([CaseType.Starthjaelp, CaseType.Kontanthjaelp]),
            ReadScope = ReadScope.AllCitizens,
            ValidFrom = new DateOnly(2025, 6, 1),
            ValidTo = new(null),
            Contact = new(null),
            ContractReference = new("TA-2027-3"),
        }.Revise(Current);

        Assert.That(revision.Changes, Is.EqualTo(new AgreementChange[]
        {
            new(AgreementField.Operations, "GetContactCourse,Ping,RegisterInterview", "CancelInterview,GetContactCourse,Ping,RegisterInterview"),
            new(AgreementField.CaseTypes, "Kontanthjaelp", "Kontanthjaelp,Starthjaelp"),
            new(AgreementField.ReadScope, "OwnCitizens", "AllCitizens"),
            new(AgreementField.ValidFrom, "2026-01-01", "2025-06-01"),
            new(AgreementField.ValidTo, "2026-12-31", null),
            new(AgreementField.Contact, "it@kk.example", null),
            new(AgreementField.ContractReference, "TA-2026-17", "TA-2027-3"),
        }));
    }

    [Test]
    public void Changes_AFieldGivenAsItIs_IsNotAChange()
    {
        var revision = new AgreementAmendment { Operations = Set("RegisterInterview", "Ping", "GetContactCourse"), ReadScope = ReadScope.AllCitizens }.Revise(Current);

        Assert.That(revision.Changes.Select(c => c.Field), Is.EqualTo(new[] { AgreementField.ReadScope }));
    }

    [Test]
    public void Revise_OneField_LeavesEveryOtherAsItWas()
    {
        var after = new AgreementAmendment { Contact = new("support@kk.example") }.Revise(Current).After;

        Assert.Multiple(() =>
        {
            Assert.That(after.Contact, Is.EqualTo("support@kk.example"));
            Assert.That(after with { Contact = Current.Contact }, Is.EqualTo(Current));
        });
    }

    [TestCase(AgreementStatus.Requested)]
    [TestCase(AgreementStatus.Active)]
    [TestCase(AgreementStatus.Suspended)]
    public void Problems_LiveStatus_None(AgreementStatus status) =>
        Assert.That(new AgreementAmendment { ReadScope = ReadScope.AllCitizens }.Revise(Current with { Status = status }).Problems(InForce), Is.Empty);

    [TestCase(AgreementStatus.Rejected)]
    [TestCase(AgreementStatus.Terminated)]
    [TestCase(AgreementStatus.Expired)]
    public void Problems_EndedStatus_RefusedSayingWhichStatusesCanBeAmended(AgreementStatus status) =>
        Assert.That(new AgreementAmendment { ReadScope = ReadScope.AllCitizens }.Revise(Current with { Status = status }).Problems(InForce), Is.EqualTo(new[]
        {
            $"It is {status}, and only a Requested, Active or Suspended agreement can be amended; request a new agreement for the new terms.",
        }));

    [Test]
    public void Problems_ActiveAgreementPastItsEndDate_RefusedAsExpiredBeforeTheSweepRecordsIt() =>
        // Calls are refused as expired from the day after the end date; the sweep only tidies the status. An amendment
        // that could give it a new end date before the sweep ran would revive an expired agreement, depending on timing.
        Assert.That(new AgreementAmendment { ValidTo = new(null) }.Revise(Current).Problems(new DateOnly(2027, 1, 1)), Is.EqualTo(new[]
        {
            "Its end date, 2026-12-31, has passed, so it is Expired (the gateway's sweep records that within 10 minutes, `gatewayctl agreements expire` at once), "
            + "and only a Requested, Active or Suspended agreement can be amended; request a new agreement for the new terms.",
        }));

    [Test]
    public void Problems_ActiveAgreementOnItsLastDay_None() =>
        Assert.That(new AgreementAmendment { ValidTo = new(null) }.Revise(Current).Problems(new DateOnly(2026, 12, 31)), Is.Empty);

    [Test]
    public void Problems_SuspendedAgreementPastItsEndDate_None() =>
        // A suspended agreement does not expire by itself, so its end date may still be moved before it is resumed.
        Assert.That(new AgreementAmendment { ValidTo = new(null) }.Revise(Current with { Status = AgreementStatus.Suspended }).Problems(new DateOnly(2027, 1, 1)),
            Is.Empty);

    [Test]
    public void Problems_EveryValueAsItIs_RefusedAsChangingNothing() =>
        Assert.That(new AgreementAmendment { ReadScope = ReadScope.OwnCitizens, Contact = new("it@kk.example") }.Revise(Current).Problems(InForce),
            Is.EqualTo(new[] { "It changes nothing: the agreement already has every value given." }));

    [Test]
    public void Problems_UnknownOperationAndEndBeforeStart_AreTheRequestsOwnProblems()
    {
        var amendment = new AgreementAmendment { Operations = Set("Ping", "Delete"), ValidTo = new(new DateOnly(2025, 12, 31)) };
        var request = new AgreementRequest
        {
            Authority = Current.Authority,
            ItSystemId = Current.ItSystemId,
            Operations = Set("Ping", "Delete"),
            Environment = Current.Environment,
            ValidFrom = Current.ValidFrom,
            ValidTo = new DateOnly(2025, 12, 31),
        };

        var problems = amendment.Revise(Current).Problems(InForce);

        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.Count.EqualTo(2));
            Assert.That(problems, Is.EqualTo(request.Problems()));
            Assert.That(problems[0], Does.StartWith("Unknown operation 'Delete'"));
            Assert.That(problems[1], Is.EqualTo("The end date is before the start date."));
        });
    }

    [Test]
    public void Problems_StartMovedPastTheEnd_Refused() =>
        Assert.That(new AgreementAmendment { ValidFrom = new DateOnly(2027, 1, 1) }.Revise(Current).Problems(InForce), Is.EqualTo(new[] { "The end date is before the start date." }));

    [Test]
    public void AsksNothing_NoFieldGiven_True() => Assert.That(new AgreementAmendment().AsksNothing, Is.True);

    [Test]
    public void AsksNothing_OnlyAnEmptiedField_False() => Assert.That(new AgreementAmendment { ValidTo = new(null) }.AsksNothing, Is.False);

    private static TestCaseData Case(string name, AgreementAmendment amendment, bool widens) =>
        new TestCaseData(amendment).Returns(widens).SetName($"Widening_{name}_{(widens ? "Widens" : "DoesNotWiden")}");

    private static HashSet<string> Set(params string[] operations) => new(operations, StringComparer.Ordinal);
}
