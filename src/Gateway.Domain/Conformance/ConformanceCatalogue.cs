using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;

namespace Gateway.Domain.Conformance;

/// <summary>
/// The conformance scenarios, version 1, for contract version 1.3 (<c>urn:dk:ams:contactcourse:v1</c>): the one
/// definition of what an IT system must show in the Test environment before a Production agreement is approved for it
/// (domain.md § 7, § 8). Each scenario says which duty of § 5 it proves, which operations it needs and what counts as
/// passed; <see cref="ScenarioChecks"/> carries the judgements out. A changed scenario is a new catalogue version: a
/// system certified on one version is judged again on the next.
/// </summary>
public static class ConformanceCatalogue
{
    /// <summary>The catalogue's version, stored with every observation.</summary>
    public const string Version = "1";

    /// <summary>The contract version the catalogue is for.</summary>
    public const string ContractVersion = "1.3";

    /// <summary>The outcome of a call that succeeded; otherwise the outcome is its fault code.</summary>
    public const string Success = "Success";

    /// <summary>The operation names, as agreements list them.</summary>
    public const string Register = RegisterInterview.Operation, Correct = CorrectInterview.Operation, Cancel = CancelInterview.Operation,
        ReadCourse = GetContactCourse.Operation, ReadInterview = GetInterview.Operation, List = ListRegistrations.Operation, Ping = "Ping";

    private static readonly string[] AllOperations = [Register, Correct, Cancel, ReadCourse, ReadInterview, List, Ping];

    /// <summary>Every scenario of this version, in the order a system meets them.</summary>
    public static IReadOnlyList<ConformanceScenario> Scenarios { get; } =
    [
        .. AllOperations.Select(operation => new ConformanceScenario(
            $"operation.{operation}", $"{operation} is called successfully", 3, [operation], true,
            $"A call of {operation} is answered without a fault.",
            $"Call {operation} with a valid message and call context.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.Operation == operation) }),

        new ConformanceScenario(
            "callcontext.caseworker", "A call made for a case worker", 2, [], true,
            "A call whose call context names a case worker is answered without a fault.",
            "Make any call with CaseWorkerId in the call context.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => !c.SystemCall) },

        new ConformanceScenario(
            "callcontext.systemcall", "A call made by the system itself", 2, [], true,
            "A call whose call context is marked as a system call (SystemCall, no case worker) is answered without a fault.",
            "Make any call marked SystemCall in the call context, as a batch job would.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.SystemCall) },

        .. Enum.GetValues<CaseType>().Select(caseType => new ConformanceScenario(
            $"register.{caseType}", $"A {caseType} interview is registered", 3, [Register], true,
            $"A RegisterInterview of case type {caseType} is stored: it held every item mandatory for the responsible authority.",
            $"Register an interview of case type {caseType} with every mandatory item.", CaseType: caseType)
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.Operation == Register && c.CaseType == caseType) }),

        new ConformanceScenario(
            "register.all-items", "A registration with every item, the voluntary ones too", 3, [Register], true,
            "A RegisterInterview holding all twelve items of § 2 stk. 2 (rough match, offers, job search and citizen comments included) is stored.",
            "Register an interview that fills in every item, the voluntary and optional ones too.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.Operation == Register && c.AllItems) },

        new ConformanceScenario(
            "readback.contact-course", "The contact course is read back after a registration", 6, [Register, ReadCourse], true,
            "A GetContactCourse is answered with a registration the system made earlier: the system read back its own citizen.",
            "Read back with GetContactCourse the citizen of a registration the system made.")
        { Evaluate = ScenarioChecks.ReadsBackCourse },

        new ConformanceScenario(
            "readback.interview", "A registration is read back by its id", 6, [Register, ReadInterview], true,
            "A GetInterview of a registration id that a receipt gave the system earlier is answered without a fault.",
            "Read back with GetInterview a registration by the id its receipt gave.")
        { Evaluate = ScenarioChecks.ReadsBackInterview },

        new ConformanceScenario(
            "correct.last-seen", "A registration is corrected from the version last seen", 5, [Correct], true,
            "A CorrectInterview quoting the registration's latest version is stored.",
            "Correct a registration, quoting the version of its receipt or of the last GetInterview.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.Operation == Correct && c.Drill is null) },

        new ConformanceScenario(
            "cancel", "A registration is cancelled", 5, [Cancel], true,
            "A CancelInterview quoting the registration's latest version and a reason is stored.",
            "Cancel a registration with a reason, quoting its latest version.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.Operation == Cancel) },

        new ConformanceScenario(
            "retry.lost-answer", "A write whose answer was lost is sent again with the same request id", 5, [Register], true,
            "After the Test environment stored a registration and answered Server.Unavailable on purpose, the same write is sent again with the same RequestId and content, and its first receipt is accepted; and the content is never sent again under another request id. Sending it under a new request id, before or after the proper retry, stores it twice and fails the scenario.",
            "Register an interview with drills on: the Test environment stores it and withholds the answer. Retry it as after a timeout.",
            ConformanceDrill.LostAnswer)
        { Evaluate = ScenarioChecks.RetriesLostAnswer },

        new ConformanceScenario(
            "conflict.stale-version", "A stale correction is redone from the latest version", 6, [Correct, ReadInterview], true,
            "After the Test environment corrected a registration itself on purpose and the system's correction was answered Client.Conflict.StaleVersion, the system reads the registration with GetInterview and corrects its latest version. Correcting it again without reading it first (the stale version again, or a guessed one) fails the scenario.",
            "Correct a registration with drills on: the Test environment corrects it first. Read it again and correct its latest version.",
            ConformanceDrill.StaleVersion)
        { Evaluate = ScenarioChecks.RedoesStaleCorrection },

        new ConformanceScenario(
            "fault.validation", "A refused write is corrected before it is sent again", 6, [Register], true,
            "After a write was refused with a Client.Validation fault, the next write of the same operation differs from it and is stored. Sending the same refused content again fails the scenario.",
            "Send a registration the rules refuse (say, a next contact beyond the limit), then the corrected one.")
        { Evaluate = ScenarioChecks.CorrectsRefusedWrite },

        new ConformanceScenario(
            "reconcile.outage", "After an outage, the feed is paged from the last cursor and what is missing is sent once", 6, [Register, List], true,
            "After the Test environment refused writes with Server.Unavailable for a window on purpose, the system calls ListRegistrations with the last cursor it had before the window (none, if it had none), and every write refused in the window is stored, each exactly once: under its own request id at any time, under a new one only after that ListRegistrations. Storing one twice, or sending one under a new request id before reading the feed, fails the scenario.",
            "Page ListRegistrations once, then register with drills on: a window of refused writes follows. Reconcile from your cursor and send what is missing.",
            ConformanceDrill.Outage)
        { Evaluate = ScenarioChecks.ReconcilesAfterOutage },

        new ConformanceScenario(
            "soap.1.1", "SOAP 1.1", 3, [], true,
            "A call over SOAP 1.1 (text/xml) is answered without a fault.",
            "Call over SOAP 1.1.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.SoapVersion == "1.1") },

        new ConformanceScenario(
            "soap.1.2", "SOAP 1.2, for a system that uses it", 3, [], false,
            "A call over SOAP 1.2 (application/soap+xml) is answered without a fault.",
            "Call over SOAP 1.2, if the system uses it.")
        { Evaluate = (s, calls) => ScenarioChecks.FirstSuccess(s, calls, c => c.SoapVersion == "1.2") },
    ];

    /// <summary>The scenario with <paramref name="id"/>, or null.</summary>
    public static ConformanceScenario? Find(string id) => Scenarios.FirstOrDefault(s => s.Id == id);

    /// <summary>Judges every scenario that applies to <paramref name="target"/> on <paramref name="calls"/>, in the order they were seen.</summary>
    public static ConformanceReport Evaluate(ConformanceTarget target, IReadOnlyList<ObservedCall> calls)
    {
        var ordered = calls.OrderBy(c => c.Sequence).ToList();
        return new ConformanceReport([.. Scenarios.Where(s => s.AppliesTo(target)).Select(s => s.Evaluate(s, ordered))]);
    }
}
