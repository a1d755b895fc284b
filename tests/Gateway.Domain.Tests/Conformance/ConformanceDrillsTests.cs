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
    public void Plan_NoCallsYet_LostAnswerOnANewRegistrationOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Plan(Everything, [], "RegisterInterview", "r1").Drill, Is.EqualTo(ConformanceDrill.LostAnswer));
            Assert.That(ConformanceDrills.Plan(Everything, [], "CorrectInterview", "r1").Drill, Is.Null);
            Assert.That(ConformanceDrills.Plan(Everything, [], "Ping", null).Drill, Is.Null);
        });
    }

    [Test]
    public void Plan_ARetryOfAStoredRegistration_IsNotALostAnswer()
    {
        var calls = Calls(Write("RegisterInterview", "c1", "r1", "k1"));

        Assert.That(ConformanceDrills.Plan(Everything, calls, "RegisterInterview", "r1").Drill, Is.Null);
    }

    [Test]
    public void Plan_LostAnswerNotRetriedYet_RunsNothingElse()
    {
        var calls = Calls(Write("RegisterInterview", "c1", "r1", "k1") with { Outcome = "Server.Unavailable", Drill = ConformanceDrill.LostAnswer });

        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Plan(Everything, calls, "RegisterInterview", "r2").Drill, Is.Null);
            Assert.That(ConformanceDrills.Plan(Everything, calls, "CorrectInterview", "r3").Drill, Is.Null);
        });
    }

    [Test]
    public void Plan_LostAnswerRetriedUnderANewRequestId_RunsLostAnswerAgain()
    {
        var calls = Calls(
            Write("RegisterInterview", "c1", "r1", "k1") with { Outcome = "Server.Unavailable", Drill = ConformanceDrill.LostAnswer },
            Write("RegisterInterview", "c2", "r2", "k1") with { RegistrationId = Second });

        Assert.That(ConformanceDrills.Plan(Everything, calls, "RegisterInterview", "r3").Drill, Is.EqualTo(ConformanceDrill.LostAnswer));
    }

    [Test]
    public void Plan_LostAnswerPassed_StaleVersionOnTheNextCorrection()
    {
        var calls = LostAnswerPassed();

        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Plan(Everything, calls, "CorrectInterview", "r9").Drill, Is.EqualTo(ConformanceDrill.StaleVersion));
            Assert.That(ConformanceDrills.Plan(Everything, calls, "RegisterInterview", "r9").Drill, Is.Null);
        });
    }

    [Test]
    public void Plan_TargetWithoutCorrections_GoesFromLostAnswerToOutage()
    {
        var registerOnly = new ConformanceTarget(new HashSet<string>(["RegisterInterview", "ListRegistrations"]), new HashSet<CaseType>([CaseType.Kontanthjaelp]));

        Assert.That(ConformanceDrills.Plan(registerOnly, LostAnswerPassed(), "RegisterInterview", "r9").Drill, Is.EqualTo(ConformanceDrill.Outage));
    }

    [Test]
    public void Plan_OutageUnderWay_RefusesWritesUntilItHasRefusedThree()
    {
        var calls = StalePassed();
        var one = Calls([.. calls, Down("o1")]);
        var three = Calls([.. calls, Down("o1"), Down("o2"), Down("o3")]);

        Assert.Multiple(() =>
        {
            Assert.That(ConformanceDrills.Plan(Everything, calls, "CancelInterview", "x").Drill, Is.EqualTo(ConformanceDrill.Outage));
            Assert.That(ConformanceDrills.Plan(Everything, one, "RegisterInterview", "x").Drill, Is.EqualTo(ConformanceDrill.Outage));
            Assert.That(ConformanceDrills.Plan(Everything, one, "ListRegistrations", null).Drill, Is.Null);
            Assert.That(ConformanceDrills.Plan(Everything, three, "RegisterInterview", "x").Drill, Is.Null, "the system reconciles now");
        });
    }

    [Test]
    public void Plan_OutageReconciledWrongly_StartsAnotherOutage()
    {
        var calls = Calls([
            .. StalePassed(), Down("o1"), Down("o2"), Down("o3"),
            Write("RegisterInterview", "s1", "n1", "k-o1") with { RegistrationId = Guid.NewGuid() },
            Write("RegisterInterview", "s2", "n2", "k-o1") with { RegistrationId = Guid.NewGuid() }]);

        Assert.That(ConformanceDrills.Plan(Everything, calls, "RegisterInterview", "x").Drill, Is.EqualTo(ConformanceDrill.Outage));
    }

    [Test]
    public void Plan_NoCallsYet_IsNotDone() => Assert.That(ConformanceDrills.Plan(Everything, [], "Ping", null).Done, Is.False);

    [Test]
    public void Plan_TargetThatNeedsNoDrill_IsDone()
    {
        var readOnly = new ConformanceTarget(new HashSet<string>(["GetContactCourse", "Ping"]), new HashSet<CaseType>());

        Assert.That(ConformanceDrills.Plan(readOnly, [], "Ping", null).Done, Is.True);
    }

    [Test]
    public void Plan_LostAnswerAndStalePassedButNoOutageYet_IsNotDone() =>
        Assert.That(ConformanceDrills.Plan(Everything, StalePassed(), "Ping", null).Done, Is.False);

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
