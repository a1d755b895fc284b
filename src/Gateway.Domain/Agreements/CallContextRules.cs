using System.Globalization;
using System.Text;
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
                $"Give the case worker's user id: 1-{CaseWorkerIdMax} characters, starting with a letter or a digit, of letters, digits, marks, punctuation, "
                + "symbols and single spaces, with nothing invisible and no space at the end. For a call no case worker makes, send SystemCall.")];

    /// <summary>
    /// Whether <paramref name="id"/> can be a case worker's. It starts with a letter or a digit, so nothing in front of it can
    /// hide and no look-alike of a marker such as <c>(system)</c> (<see cref="Registrations.Caller.SystemCaseWorker"/>) passes;
    /// it holds only letters, marks, digits, punctuation, symbols and single spaces, none of them invisible
    /// (<see cref="PlainText.IsInvisible"/>), so that what is printed is what is stored and a run of spaces cannot pass
    /// for the gap between two columns; and it does not end in a space.
    /// </summary>
    public static bool IsCaseWorkerId(string? id)
    {
        if (string.IsNullOrEmpty(id) || PlainText.Length(id) > CaseWorkerIdMax)
        {
            return false;
        }

        var first = true;
        var previousSpace = false;
        foreach (var rune in id.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var space = rune.Value == ' ';
            var allowed = space ? !previousSpace : !PlainText.IsInvisible(rune) && category is not (UnicodeCategory.SpaceSeparator);
            if (!allowed || (first && !(Rune.IsLetter(rune) || Rune.IsDigit(rune))))
            {
                return false;
            }

            first = false;
            previousSpace = space;
        }

        return !previousSpace;
    }
}
