using Gateway.Domain.Faults;
using Gateway.Domain.Text;

namespace Gateway.Domain.Agreements;

/// <summary>
/// What a call context must meet beyond the XSD, on every operation, reads included (§ 5 nr. 2). The call id, request
/// id and agreement id are fully constrained by the XSD, and the authorities are the agreement's to judge
/// (<see cref="AgreementDecisions"/>); what is left is the one free identifier, the case worker's, which must be
/// printable, cannot be confused with another and cannot pass for a system call. It is stored and printed (histories,
/// the access log, <c>gatewayctl audit show</c>) only ever as it passed here.
/// </summary>
public static class CallContextRules
{
    /// <summary>Most characters in a case-worker id (the XSD's <c>CaseWorkerId</c> type).</summary>
    public const int CaseWorkerIdMax = 64;

    /// <summary>Every way <paramref name="context"/> breaks the rules; empty when it meets them.</summary>
    public static IReadOnlyList<FieldViolation> Check(CallerContext context) =>
        context.IsSystemCall || IsCaseWorkerId(context.CaseWorkerId)
            ? []
            : [new("Header/CallContext/CaseWorkerId", "CaseWorkerId.Invalid",
                $"Give the case worker's user id: 1-{CaseWorkerIdMax} characters, no control or invisible characters, no space at either end, "
                + "and not in parentheses, which mark the gateway's own entries such as (system). For a call no case worker makes, send SystemCall.")];

    /// <summary>Whether <paramref name="id"/> can be a case worker's: see <see cref="Check"/>.</summary>
    public static bool IsCaseWorkerId(string? id) =>
        !string.IsNullOrWhiteSpace(id)
        && PlainText.Length(id) <= CaseWorkerIdMax
        && !id.Any(PlainText.IsUnprintable)
        && !char.IsWhiteSpace(id[0]) && !char.IsWhiteSpace(id[^1])
        // "(system)" is what a system call is recorded as (Caller.SystemCaseWorker); no case worker may look like it.
        && id[0] != '(';
}
