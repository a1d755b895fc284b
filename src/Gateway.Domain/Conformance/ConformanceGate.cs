using Gateway.Domain.Agreements;

namespace Gateway.Domain.Conformance;

/// <summary>
/// The production gate (domain.md § 7: a Production agreement is approved only for an IT system that has passed the
/// conformance scenarios). Approving or resuming a Production agreement waits for every required scenario that
/// applies to that agreement; an operator can let it through only with an explicit override and a reason, which the
/// agreement's history keeps. Agreements already Active are not touched by it.
/// </summary>
public static class ConformanceGate
{
    /// <summary>Whether <paramref name="action"/> on <paramref name="agreement"/> must pass the gate.</summary>
    public static bool Guards(Agreement agreement, AgreementAction action) =>
        agreement.Environment == GatewayEnvironment.Production && action is AgreementAction.Approve or AgreementAction.Resume;

    /// <summary>What the history records for an override of <paramref name="action"/>: the scenarios that were missing, and the operator's reason.</summary>
    public static string OverrideNote(AgreementAction action, ConformanceReport report, string reason) =>
        $"{(action == AgreementAction.Resume ? "Resumed" : "Approved")} without conformance (catalogue {ConformanceCatalogue.Version}); missing: {string.Join(", ", report.Missing.Select(r => r.Scenario.Id))}. Reason: {reason}";
}
