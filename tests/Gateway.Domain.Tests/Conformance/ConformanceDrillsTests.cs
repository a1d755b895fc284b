using Gateway.Contracts.CodeLists;
using Gateway.Domain.Conformance;

namespace Gateway.Domain.Tests.Conformance;

/// <summary>When the Test environment runs which drill: one at a time, in order, on the first call it fits, again only after the system answered it without passing.</summary>
public class ConformanceDrillsTests
{
    private static readonly Guid First = Guid.Parse("00000000-0000-4000-8000-000000000001");
    private static readonly Guid Second = Guid.Parse("00000000-0000-4000-8000-000000000002");

    private static readonly ConformanceTarget Everything = new(
        new HashSet<string>(["RegisterInterview", "CorrectInterview", "CancelInterview", "GetContactCourse", "GetInterview", "ListRegistrations", "Ping"]),
        new HashSet<CaseType>([CaseType.Kontanthjaelp]));

    [Test]
    public void Due_NoCallsYet_LostAnswerOnANewRegistrationOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Due(Everything, [], "RegisterInterview", "r1"), Is.EqualTo(ConformanceDrill.LostAnswer));
            Assert.That(ConformanceDrills.Due(Everything, [], "CorrectInterview", "r1"), Is.Null);
            Assert.That(ConformanceDrills.Due(Everything, [], "Ping", null), Is.Null);
        });
    }

    [Test]
    public void Due_ARetryOfAStoredRegistration_IsNotALostAnswer()
    {
        var calls = Calls(Write("RegisterInterview", "c1", "r1", "k1"));

        Assert.That(ConformanceDrills.Due(Everything, calls, "RegisterInterview", "r1"), Is.Null);
    }

    [Test]
    public void Due_LostAnswerNotRetriedYet_RunsNothingElse()
    {
        var calls = Calls(Write("RegisterInterview", "c1", "r1", "k1") with { Outcome = "Server.Unavailable", Drill = ConformanceDrill.LostAnswer });

        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Due(Everything, calls, "RegisterInterview", "r2"), Is.Null);
            Assert.That(ConformanceDrills.Due(Everything, calls, "CorrectInterview", "r3"), Is.Null);
        });
    }

    [Test]
    public void Due_LostAnswerRetriedUnderANewRequestId_RunsLostAnswerAgain()
    {
        var calls = Calls(
            Write("RegisterInterview", "c1", "r1", "k1") with { Outcome = "Server.Unavailable", Drill = ConformanceDrill.LostAnswer },
            Write("RegisterInterview", "c2", "r2", "k1") with { RegistrationId = Second });

        Assert.That(ConformanceDrills.Due(Everything, calls, "RegisterInterview", "r3"), Is.EqualTo(ConformanceDrill.LostAnswer));
    }

    [Test]
    public void Due_LostAnswerPassed_StaleVersionOnTheNextCorrection()
    {
        var calls = LostAnswerPassed();

        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Due(Everything, calls, "CorrectInterview", "r9"), Is.EqualTo(ConformanceDrill.StaleVersion));
            Assert.That(ConformanceDrills.Due(Everything, calls, "RegisterInterview", "r9"), Is.Null);
        });
    }

    [Test]
    public void Due_TargetWithoutCorrections_GoesFromLostAnswerToOutage()
    {
        var registerOnly = new ConformanceTarget(new HashSet<string>(["RegisterInterview", "ListRegistrations"]), new HashSet<CaseType>([CaseType.Kontanthjaelp]));

        Assert.That(ConformanceDrills.Due(registerOnly, LostAnswerPassed(), "RegisterInterview", "r9"), Is.EqualTo(ConformanceDrill.Outage));
    }

    [Test]
    public void Due_OutageUnderWay_RefusesWritesUntilItHasRefusedThree()
    {
        var calls = StalePassed();
        var one = Calls([.. calls, Down("o1")]);
        var three = Calls([.. calls, Down("o1"), Down("o2"), Down("o3")]);

        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Due(Everything, calls, "CancelInterview", "x"), Is.EqualTo(ConformanceDrill.Outage));
            Assert.That(ConformanceDrills.Due(Everything, one, "RegisterInterview", "x"), Is.EqualTo(ConformanceDrill.Outage));
            Assert.That(ConformanceDrills.Due(Everything, one, "ListRegistrations", null), Is.Null);
            Assert.That(ConformanceDrills.Due(Everything, three, "RegisterInterview", "x"), Is.Null, "the system reconciles now");
        });
    }

    [Test]
    public void Due_OutageReconciledWrongly_StartsAnotherOutage()
    {
        var calls = Calls([
            .. StalePassed(), Down("o1"), Down("o2"), Down("o3"),
            Write("RegisterInterview", "s1", "n1", "k-o1") with { RegistrationId = Guid.NewGuid() },
            Write("RegisterInterview", "s2", "n2", "k-o1") with { RegistrationId = Guid.NewGuid() }]);

        Assert.That(ConformanceDrills.Due(Everything, calls, "RegisterInterview", "x"), Is.EqualTo(ConformanceDrill.Outage));
    }

    [Test]
    public void AllPassed_NoCallsYet_IsFalse() => Assert.That(ConformanceDrills.AllPassed(Everything, []), Is.False);

    [Test]
    public void AllPassed_TargetThatNeedsNoDrill_IsTrue()
    {
        var readOnly = new ConformanceTarget(new HashSet<string>(["GetContactCourse", "Ping"]), new HashSet<CaseType>());

        Assert.That(ConformanceDrills.AllPassed(readOnly, []), Is.True);
    }

    [Test]
    public void AllPassed_LostAnswerAndStalePassedButNoOutageYet_IsFalse() =>
        Assert.That(ConformanceDrills.AllPassed(Everything, StalePassed()), Is.False);

    [Test]
    public void FaultText_OfEachAnsweringDrill_SaysItIsADrill()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.FaultText(ConformanceDrill.LostAnswer), Does.StartWith("Conformance drill LostAnswer (Test environment only)"));
            Assert.That(ConformanceDrills.FaultText(ConformanceDrill.Outage), Does.StartWith("Conformance drill Outage (Test environment only)"));
            Assert.That(ConformanceDrills.StaleVersionReason, Does.StartWith("Conformance drill StaleVersion (Test environment only)"));
        });
    }

    private static List<ObservedCall> LostAnswerPassed() => Calls(
        Write("RegisterInterview", "c1", "r1", "k1") with { Outcome = "Server.Unavailable", Drill = ConformanceDrill.LostAnswer },
        Write("RegisterInterview", "c2", "r1", "k1"));

    private static List<ObservedCall> StalePassed() => Calls([
        .. LostAnswerPassed(),
        Write("CorrectInterview", "s1", "q1", "k2") with { Outcome = "Client.Conflict.StaleVersion", Drill = ConformanceDrill.StaleVersion },
        Read("GetInterview", "s2") with { RegistrationId = First },
        Write("CorrectInterview", "s3", "q2", "k3") with { Version = 3 }]);

    private static ObservedCall Down(string callId) =>
        Write("RegisterInterview", callId, callId, "k-" + callId) with { Outcome = "Server.Unavailable", Drill = ConformanceDrill.Outage, RegistrationId = null };

    private static List<ObservedCall> Calls(params ObservedCall[] calls) => [.. calls.Select((c, i) => c with { Sequence = i + 1 })];

    private static ObservedCall Read(string operation, string callId) => new()
    {
        Sequence = 0, At = default, AgreementId = Guid.Empty, Operation = operation, SoapVersion = "1.1",
        Outcome = ConformanceCatalogue.Success, CallId = callId, SystemCall = false,
    };

    private static ObservedCall Write(string operation, string callId, string requestId, string content) => Read(operation, callId) with
    {
        RequestId = requestId, ContentKey = content, RegistrationId = First, Version = 1, CaseType = CaseType.Kontanthjaelp,
    };
}
