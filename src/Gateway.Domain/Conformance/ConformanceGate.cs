using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;

namespace Gateway.Domain.Conformance;

/// <summary>
/// The production gate (domain.md § 7: a Production agreement is approved only for an IT system that has passed the
/// conformance scenarios). Approving or resuming a Production agreement waits for every required scenario that
/// applies to that agreement; so does an amendment that widens an Active or Suspended Production agreement, judged on
/// the agreement as amended, since it admits what was never approved. An operator can let either through only with an
/// explicit override and a reason, which the agreement's history keeps. Agreements already Active stay so: only these changes are judged.
/// </summary>
public static class ConformanceGate
{
    /// <summary>Whether <paramref name="action"/> on <paramref name="agreement"/> must pass the gate.</summary>
    /// <remarks>
    /// A registration-tool agreement is not judged: the scenarios are about an IT system's behaviour, and the tool is the
    /// authority's own, tested with the gateway.
    /// </remarks>
    public static bool Guards(Agreement agreement, AgreementAction action) =>
        agreement.Environment == GatewayEnvironment.Production && agreement.Channel == RegistrationChannel.WebServices
        && action is AgreementAction.Approve or AgreementAction.Resume;

    /// <summary>
    /// Whether <paramref name="revision"/> must pass the gate: it widens a Production agreement that admits calls or
    /// can again by a resumption. A Requested one is judged when it is approved; narrowing needs no judgement.
    /// </summary>
    public static bool Guards(AgreementRevision revision) =>
        revision.Before.Environment == GatewayEnvironment.Production
        && revision.Before.Channel == RegistrationChannel.WebServices
        && revision.Before.Status is AgreementStatus.Active or AgreementStatus.Suspended
        && revision.Widening.Count > 0;

    /// <summary>What the history records for an override of <paramref name="action"/>: the scenarios that were missing, and the operator's reason.</summary>
    public static string OverrideNote(AgreementAction action, ConformanceReport report, string reason) =>
        Note(action == AgreementAction.Resume ? "Resumed" : "Approved", report, reason);

    /// <summary>What the history records for an override of a widening amendment, beside the changes it records anyway.</summary>
    public static string AmendmentOverrideNote(ConformanceReport report, string reason) => Note("Amended", report, reason);

    private static string Note(string done, ConformanceReport report, string reason) =>
        $"{done} without conformance (catalogue {ConformanceCatalogue.Version}); missing: {string.Join(", ", report.Missing.Select(r => r.Scenario.Id))}. Reason: {reason}";
}
