using Gateway.Contracts.CodeLists;
using Gateway.Domain.Conformance;

namespace Gateway.Domain.Tests.Conformance;

/// <summary>
/// The scenario catalogue judged on call sequences: for each scenario a sequence that passes it, and the near misses
/// that must not (a retry under a new request id, a stale correction sent again, the same invalid request twice,
/// a reconciliation that stores twice or never pages the feed).
/// </summary>
public class ConformanceCatalogueTests
{
    private static readonly Guid Agreement = Guid.Parse("00000000-0000-4000-8000-0000000000aa");
    private static readonly Guid First = Guid.Parse("00000000-0000-4000-8000-000000000001");
    private static readonly Guid Second = Guid.Parse("00000000-0000-4000-8000-000000000002");

    private static readonly ConformanceTarget Everything = new(
        new HashSet<string>(["RegisterInterview", "CorrectInterview", "CancelInterview", "GetContactCourse", "GetInterview", "ListRegistrations", "Ping"]),
        new HashSet<CaseType>([CaseType.Kontanthjaelp, CaseType.Starthjaelp]));

    [Test]
    public void Catalogue_Ids_AreUniqueAndStable()
    {
        var ids = ConformanceCatalogue.Scenarios.Select(s => s.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Is.SupersetOf(new[]
            {
                "operation.RegisterInterview", "callcontext.caseworker", "callcontext.systemcall", "register.Dagpenge", "register.all-items",
                "readback.contact-course", "readback.interview", "correct.last-seen", "cancel", "retry.lost-answer",
                "conflict.stale-version", "fault.validation", "reconcile.outage", "soap.1.1", "soap.1.2",
            }));
            Assert.That(ConformanceCatalogue.Scenarios.Select(s => s.Duty), Is.All.InRange(1, 6));
            Assert.That(ConformanceCatalogue.Scenarios.Where(s => !s.Required).Select(s => s.Id), Is.EqualTo(new[] { "soap.1.2" }));
        });
    }

    [Test]
    public void Scenarios_ForATargetWithoutAnOperation_LeaveOutWhatNeedsIt()
    {
        var readOnly = new ConformanceTarget(new HashSet<string>(["GetContactCourse", "Ping"]), new HashSet<CaseType>());
        var ids = ConformanceCatalogue.Evaluate(readOnly, []).Results.Select(r => r.Scenario.Id).ToList();

        Assert.That(ids, Is.EquivalentTo(new[] { "operation.GetContactCourse", "operation.Ping", "callcontext.caseworker", "callcontext.systemcall", "soap.1.1", "soap.1.2" }));
    }

    [Test]
    public void Scenarios_ForTheCaseTypesOfTheTarget_AreOnePerCaseType()
    {
        var ids = ConformanceCatalogue.Evaluate(Everything, []).Results.Select(r => r.Scenario.Id).Where(id => id.StartsWith("register.", StringComparison.Ordinal));

        Assert.That(ids, Is.EquivalentTo(new[] { "register.Kontanthjaelp", "register.Starthjaelp", "register.all-items" }));
    }

    [Test]
    public void Report_WithNoCalls_IsNotCertifiedAndListsEveryRequiredScenario()
    {
        var report = ConformanceCatalogue.Evaluate(Everything, []);

        Assert.Multiple(() =>
        {
            Assert.That(report.Certified, Is.False);
            Assert.That(report.Results.Select(r => r.State), Is.All.EqualTo(ScenarioState.NotYet));
            Assert.That(report.Missing.Select(r => r.Scenario.Id), Does.Not.Contain("soap.1.2"));
        });
    }

    [Test]
    public void Report_OfAWellBehavedSystem_IsCertified()
    {
        var report = ConformanceCatalogue.Evaluate(Everything, WellBehaved());

        Assert.That(report.Missing.Select(r => $"{r.Scenario.Id}: {r.State} {r.Note}"), Is.Empty);
        Assert.That(report.Certified, Is.True);
    }

    [Test]
    public void Readback_OfAnotherCitizen_DoesNotPass()
    {
        var calls = Calls(
            Register("c1") with { RegistrationId = First },
            Call("GetContactCourse", "c2") with { AnswerRegistrations = [Second] });

        Assert.That(State("readback.contact-course", calls), Is.EqualTo(ScenarioState.NotYet));
    }

    [Test]
    public void Readback_BeforeTheRegistration_DoesNotPass()
    {
        var calls = Calls(
            Call("GetInterview", "c1") with { RegistrationId = First },
            Register("c2") with { RegistrationId = First });

        Assert.That(State("readback.interview", calls), Is.EqualTo(ScenarioState.NotYet));
    }

    [Test]
    public void LostAnswer_RetriedWithTheSameRequestId_Passes()
    {
        var calls = Calls(Lost("c1", "r1"), Register("c2", "r1"));

        var result = Result("retry.lost-answer", calls);
        Assert.Multiple(() =>
        {
            Assert.That(result.State, Is.EqualTo(ScenarioState.Passed));
            Assert.That(result.Evidence, Is.EqualTo(new[] { "c1", "c2" }));
        });
    }

    [Test]
    public void LostAnswer_RetriedWithANewRequestId_Fails()
    {
        var calls = Calls(Lost("c1", "r1"), Register("c2", "r2") with { RegistrationId = Second });

        var result = Result("retry.lost-answer", calls);
        Assert.Multiple(() =>
        {
            Assert.That(result.State, Is.EqualTo(ScenarioState.Failed));
            Assert.That(result.Note, Does.Contain("new request id"));
        });
    }

    [Test]
    public void LostAnswer_NeverRetried_IsNotYetPassed()
    {
        Assert.That(State("retry.lost-answer", Calls(Lost("c1", "r1"))), Is.EqualTo(ScenarioState.NotYet));
    }

    [Test]
    public void LostAnswer_ASecondDrillHandledRight_PassesAfterAnEarlierFailure()
    {
        var calls = Calls(
            Lost("c1", "r1"), Register("c2", "r2") with { RegistrationId = Second },
            Lost("c3", "r3") with { ContentKey = "other" }, Register("c4", "r3") with { ContentKey = "other" });

        Assert.That(State("retry.lost-answer", calls), Is.EqualTo(ScenarioState.Passed));
    }

    [Test]
    public void StaleCorrection_ReadAndRedoneFromTheLatestVersion_Passes()
    {
        var calls = Calls(
            Stale("c1"),
            Call("GetInterview", "c2") with { RegistrationId = First },
            Call("CorrectInterview", "c3") with { RegistrationId = First, Version = 3, ContentKey = "k2" });

        Assert.That(Result("conflict.stale-version", calls).Evidence, Is.EqualTo(new[] { "c1", "c2", "c3" }));
    }

    [Test]
    public void StaleCorrection_SentAgainWithoutReading_Fails()
    {
        var calls = Calls(
            Stale("c1"),
            Call("CorrectInterview", "c2", "Client.Conflict.StaleVersion") with { RegistrationId = First, Version = 1 });

        Assert.That(State("conflict.stale-version", calls), Is.EqualTo(ScenarioState.Failed));
    }

    [Test]
    public void StaleCorrection_ReadOfAnotherRegistration_DoesNotPass()
    {
        var calls = Calls(
            Stale("c1"),
            Call("GetInterview", "c2") with { RegistrationId = Second },
            Call("CorrectInterview", "c3") with { RegistrationId = First, Version = 3 });

        Assert.That(State("conflict.stale-version", calls), Is.Not.EqualTo(ScenarioState.Passed));
    }

    [Test]
    public void ValidationFault_FollowedByACorrectedRequest_Passes()
    {
        var calls = Calls(Invalid("c1"), Register("c2") with { ContentKey = "fixed" });

        Assert.That(State("fault.validation", calls), Is.EqualTo(ScenarioState.Passed));
    }

    [Test]
    public void ValidationFault_TheSameInvalidRequestSentTwice_Fails()
    {
        var calls = Calls(Invalid("c1"), Invalid("c2"));

        Assert.That(State("fault.validation", calls), Is.EqualTo(ScenarioState.Failed));
    }

    [Test]
    public void ValidationFault_AnotherOperationInBetween_IsNotTheResend()
    {
        var calls = Calls(Invalid("c1"), Call("Ping", "c2"), Register("c3") with { ContentKey = "fixed" });

        Assert.That(State("fault.validation", calls), Is.EqualTo(ScenarioState.Passed));
    }

    [Test]
    public void Outage_ReconciledFromTheLastCursorAndSentOnce_Passes()
    {
        var calls = Calls(
            Call("ListRegistrations", "c1") with { NextCursor = "cur-1" },
            Down("c2", "a"), Down("c3", "b"), Down("c4", "a"),
            Call("ListRegistrations", "c5") with { Cursor = "cur-1", NextCursor = "cur-2" },
            Register("c6", "r6") with { ContentKey = "a", RegistrationId = First },
            Register("c7", "r7") with { ContentKey = "b", RegistrationId = Second });

        var result = Result("reconcile.outage", calls);
        Assert.Multiple(() =>
        {
            Assert.That(result.State, Is.EqualTo(ScenarioState.Passed));
            Assert.That(result.Evidence, Is.EqualTo(new[] { "c4", "c5", "c6", "c7" }));
        });
    }

    [Test]
    public void Outage_RefusedWriteResentUnderANewRequestIdWithoutPagingTheFeed_Fails()
    {
        var calls = Calls(
            Call("ListRegistrations", "c1") with { NextCursor = "cur-1" },
            Down("c2", "a"),
            Register("c3", "r3") with { ContentKey = "a" });

        Assert.That(State("reconcile.outage", calls), Is.EqualTo(ScenarioState.Failed));
    }

    [Test]
    public void Outage_BlindResendThenARoutinePollFromTheCursor_Fails()
    {
        var calls = Calls(
            Call("ListRegistrations", "c1") with { NextCursor = "cur-1" },
            Down("c2", "a"),
            Register("c3", "r3") with { ContentKey = "a" },
            Call("ListRegistrations", "c4") with { Cursor = "cur-1", NextCursor = "cur-2" });

        Assert.That(Result("reconcile.outage", calls).Note, Does.Contain("before the feed was read"));
    }

    [Test]
    public void Outage_RetriedUnderItsOwnRequestIdWithoutPagingTheFeed_IsNotYetPassed()
    {
        var calls = Calls(
            Call("ListRegistrations", "c1") with { NextCursor = "cur-1" },
            Down("c2", "a"),
            Register("c3", "down-c2") with { ContentKey = "a" });

        Assert.That(State("reconcile.outage", calls), Is.EqualTo(ScenarioState.NotYet));
    }

    [Test]
    public void Outage_PagedFromTheBeginningInsteadOfTheLastCursor_IsNotPassed()
    {
        var calls = Calls(
            Call("ListRegistrations", "c1") with { NextCursor = "cur-1" },
            Down("c2", "a"),
            Call("ListRegistrations", "c3") with { NextCursor = "cur-2" },
            Register("c4", "r4") with { ContentKey = "a" });

        Assert.That(State("reconcile.outage", calls), Is.Not.EqualTo(ScenarioState.Passed));
    }

    [Test]
    public void LostAnswer_RetriedRightThenSentAgainUnderANewRequestId_Fails()
    {
        var calls = Calls(Lost("c1", "r1"), Register("c2", "r1"), Register("c3", "r9") with { RegistrationId = Second });

        Assert.That(State("retry.lost-answer", calls), Is.EqualTo(ScenarioState.Failed));
    }

    [Test]
    public void StaleCorrection_RedoneWithAGuessedVersionWithoutReading_Fails()
    {
        var calls = Calls(
            Stale("c1"),
            Call("CorrectInterview", "c2") with { RegistrationId = First, Version = 2, ContentKey = "k-guess" });

        Assert.That(Result("conflict.stale-version", calls).Note, Does.Contain("without reading it first"));
    }

    [Test]
    public void Outage_AMissingWriteStoredTwice_Fails()
    {
        var calls = Calls(
            Down("c1", "a"),
            Call("ListRegistrations", "c2"),
            Register("c3", "r3") with { ContentKey = "a", RegistrationId = First },
            Register("c4", "r4") with { ContentKey = "a", RegistrationId = Second });

        Assert.That(State("reconcile.outage", calls), Is.EqualTo(ScenarioState.Failed));
    }

    [Test]
    public void Outage_AWriteNeverSent_IsNotYetPassed()
    {
        var calls = Calls(
            Down("c1", "a"), Down("c2", "b"),
            Call("ListRegistrations", "c3"),
            Register("c4", "r4") with { ContentKey = "a" });

        Assert.That(State("reconcile.outage", calls), Is.EqualTo(ScenarioState.NotYet));
    }

    [Test]
    public void SystemCall_OnlyCaseWorkerCalls_IsNotYetPassed()
    {
        Assert.That(State("callcontext.systemcall", Calls(Call("Ping", "c1"))), Is.EqualTo(ScenarioState.NotYet));
    }

    [Test]
    public void Operation_OnlyRefused_IsNotYetPassed()
    {
        Assert.That(State("operation.Ping", Calls(Call("Ping", "c1", "Client.AccessDenied.AgreementSuspended"))), Is.EqualTo(ScenarioState.NotYet));
    }

    // A system that does everything right, in the order the reference kit does it.
    private static List<ObservedCall> WellBehaved() => Calls(
        Call("Ping", "p1"),
        Call("Ping", "p2") with { SystemCall = true, SoapVersion = "1.2" },
        Register("r1") with { CaseType = CaseType.Kontanthjaelp, AllItems = true },
        Register("r2", "q2") with { CaseType = CaseType.Starthjaelp, RegistrationId = Second, ContentKey = "k-start" },
        Call("GetContactCourse", "g1") with { AnswerRegistrations = [First] },
        Call("GetInterview", "g2") with { RegistrationId = First },
        Call("CorrectInterview", "k1") with { RegistrationId = First, Version = 1, ContentKey = "k-correct" },
        Call("CancelInterview", "x1") with { RegistrationId = Second, Version = 1, ContentKey = "k-cancel" },
        Lost("l1", "q3") with { ContentKey = "k-lost", RegistrationId = Guid.Parse("00000000-0000-4000-8000-000000000003") },
        Register("l2", "q3") with { ContentKey = "k-lost", RegistrationId = Guid.Parse("00000000-0000-4000-8000-000000000003") },
        Stale("s1") with { Version = 2 },
        Call("GetInterview", "s2") with { RegistrationId = First },
        Call("CorrectInterview", "s3") with { RegistrationId = First, Version = 4, ContentKey = "k-redo" },
        Invalid("v1") with { ContentKey = "k-invalid" },
        Register("v2", "q4") with { ContentKey = "k-valid", RegistrationId = Guid.Parse("00000000-0000-4000-8000-000000000004") },
        Call("ListRegistrations", "f1") with { NextCursor = "cur-1" },
        Down("o1", "k-out"),
        Call("ListRegistrations", "f2") with { Cursor = "cur-1", NextCursor = "cur-2" },
        Register("o2", "q5") with { ContentKey = "k-out", RegistrationId = Guid.Parse("00000000-0000-4000-8000-000000000005") });

    private static ScenarioResult Result(string id, List<ObservedCall> calls) =>
        ConformanceCatalogue.Evaluate(Everything, calls).Results.Single(r => r.Scenario.Id == id);

    private static ScenarioState State(string id, List<ObservedCall> calls) => Result(id, calls).State;

    private static List<ObservedCall> Calls(params ObservedCall[] calls) =>
        [.. calls.Select((c, i) => c with { Sequence = i + 1, At = new DateTimeOffset(2026, 12, 2, 10, 0, i, TimeSpan.Zero) })];

    private static ObservedCall Call(string operation, string callId, string outcome = ConformanceCatalogue.Success) => new()
    {
        Sequence = 0,
        At = default,
        AgreementId = Agreement,
        Operation = operation,
        SoapVersion = "1.1",
        Outcome = outcome,
        CallId = callId,
        SystemCall = false,
    };

    private static ObservedCall Register(string callId, string requestId = "r1") => Call("RegisterInterview", callId) with
    {
        RequestId = requestId,
        ContentKey = "k1",
        RegistrationId = First,
        Version = 1,
        CaseType = CaseType.Kontanthjaelp,
    };

    private static ObservedCall Lost(string callId, string requestId) =>
        Register(callId, requestId) with { Outcome = "Server.Unavailable", Drill = ConformanceDrill.LostAnswer };

    private static ObservedCall Stale(string callId) => Call("CorrectInterview", callId, "Client.Conflict.StaleVersion") with
    {
        RequestId = "stale", ContentKey = "k-stale", RegistrationId = First, Version = 1, Drill = ConformanceDrill.StaleVersion,
    };

    private static ObservedCall Invalid(string callId) => Register(callId, "bad") with
    {
        Outcome = "Client.Validation.RuleViolation", ContentKey = "k-bad", RegistrationId = null, Version = null,
    };

    private static ObservedCall Down(string callId, string content) => Register(callId, $"down-{callId}") with
    {
        Outcome = "Server.Unavailable", ContentKey = content, RegistrationId = null, Version = null, Drill = ConformanceDrill.Outage,
    };
}
