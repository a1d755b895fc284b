using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Agreements;

/// <summary>CallContextRules.Check: the identifiers of every call's context, whatever the operation (§ 5 nr. 2).</summary>
public class CallContextRulesTests
{
    private static readonly Guid Agreement = Guid.Parse("0f5a4db0-c5e0-4a11-8d00-000000000001");

    [Test]
    public void Check_MunicipalityWithCaseWorker_Valid() =>
        Assert.That(Violations(Context(Municipality101)), Is.Empty);

    [Test]
    public void Check_SystemCall_Valid() =>
        Assert.That(Violations(Context(Municipality101, caseWorkerId: null)), Is.Empty);

    [Test]
    public void Check_OtherActorForMunicipality_Valid() =>
        Assert.That(Violations(Context(OtherActor, Municipality101)), Is.Empty);

    [TestCase("", TestName = "Check_CaseWorkerIdEmpty_Invalid")]
    [TestCase("   ", TestName = "Check_CaseWorkerIdBlank_Invalid")]
    [TestCase("sagsbeh\t17", TestName = "Check_CaseWorkerIdWithTab_Invalid")]
    [TestCase("sagsbeh\n17", TestName = "Check_CaseWorkerIdWithLineBreak_Invalid")]
    [TestCase("sagsbeh\r17", TestName = "Check_CaseWorkerIdWithCarriageReturn_Invalid")]
    [TestCase("sagsbeh\u000017", TestName = "Check_CaseWorkerIdWithNul_Invalid")]
    [TestCase("sagsbeh\u001b[31m17", TestName = "Check_CaseWorkerIdWithTerminalEscape_Invalid")]
    [TestCase("sagsbeh\u008517", TestName = "Check_CaseWorkerIdWithNextLine_Invalid")]
    [TestCase("sagsbeh\u202817", TestName = "Check_CaseWorkerIdWithLineSeparator_Invalid")]
    [TestCase("sagsbeh\u202e71", TestName = "Check_CaseWorkerIdWithRightToLeftOverride_Invalid")]
    [TestCase("sags\u200bbeh", TestName = "Check_CaseWorkerIdWithZeroWidthSpace_Invalid")]
    [TestCase("\ufeffsagsbeh", TestName = "Check_CaseWorkerIdWithByteOrderMark_Invalid")]
    [TestCase(" sagsbeh-17", TestName = "Check_CaseWorkerIdWithLeadingSpace_Invalid")]
    [TestCase("sagsbeh-17 ", TestName = "Check_CaseWorkerIdWithTrailingSpace_Invalid")]
    [TestCase("sagsbeh-17\u00a0", TestName = "Check_CaseWorkerIdWithTrailingNoBreakSpace_Invalid")]
    [TestCase("(system)", TestName = "Check_CaseWorkerIdThatIsTheSystemMarker_Invalid")]
    [TestCase("(System)", TestName = "Check_CaseWorkerIdThatIsTheSystemMarkerCapitalised_Invalid")]
    [TestCase("(system) ", TestName = "Check_CaseWorkerIdThatIsTheSystemMarkerWithSpace_Invalid")]
    [TestCase("(anything)", TestName = "Check_CaseWorkerIdInParentheses_Invalid")]
    [TestCase("\U000E0020(system)", TestName = "Check_CaseWorkerIdWithATagCharacterBeforeTheSystemMarker_Invalid")]
    [TestCase("\u034F(system)", TestName = "Check_CaseWorkerIdWithAGraphemeJoinerBeforeTheSystemMarker_Invalid")]
    [TestCase("\uFE0F(system)", TestName = "Check_CaseWorkerIdWithAVariationSelectorBeforeTheSystemMarker_Invalid")]
    [TestCase("\u3164(system)", TestName = "Check_CaseWorkerIdWithAHangulFillerBeforeTheSystemMarker_Invalid")]
    [TestCase("\uFF08system\uFF09", TestName = "Check_CaseWorkerIdInFullWidthParentheses_Invalid")]
    [TestCase("\U000E0041\U000E0042", TestName = "Check_CaseWorkerIdOfTagCharactersOnly_Invalid")]
    [TestCase("\u3164", TestName = "Check_CaseWorkerIdThatIsAHangulFiller_Invalid")]
    [TestCase("\u2800", TestName = "Check_CaseWorkerIdThatIsABlankBraillePattern_Invalid")]
    [TestCase("\u0336\u0336", TestName = "Check_CaseWorkerIdOfCombiningMarksOnly_Invalid")]
    [TestCase("cw\U000E00201", TestName = "Check_CaseWorkerIdWithATagCharacterInside_Invalid")]
    [TestCase("cw\u00A01", TestName = "Check_CaseWorkerIdWithANoBreakSpaceInside_Invalid")]
    [TestCase("alice  2026-12-01 22:00:00Z  RegisterInterview", TestName = "Check_CaseWorkerIdWithARunOfSpaces_Invalid")]
    [TestCase("_cw-1", TestName = "Check_CaseWorkerIdStartingWithPunctuation_Invalid")]
    public void Check_CaseWorkerIdUnprintableAmbiguousOrReserved_CaseWorkerIdInvalid(string caseWorkerId) =>
        Assert.That(Violations(Context(Municipality101, caseWorkerId: caseWorkerId)),
            Is.EqualTo(new[] { ("Header/CallContext/CaseWorkerId", "CaseWorkerId.Invalid") }));

    [TestCase("sagsbeh-17")]
    [TestCase("Søren Ægidius Åberg")]
    [TestCase("jobcenter\\sbh17")]
    [TestCase("sbh (vikar)")]
    [TestCase("sagsbehandler 😀")]
    [TestCase("17-sagsbehandler")]
    [TestCase("Zoë Ångström")]
    public void Check_CaseWorkerIdPrintable_Valid(string caseWorkerId) =>
        Assert.That(Violations(Context(Municipality101, caseWorkerId: caseWorkerId)), Is.Empty);

    [Test]
    public void Check_CaseWorkerIdOverMaximum_CaseWorkerIdInvalid() =>
        Assert.That(Violations(Context(Municipality101, caseWorkerId: new string('a', CallContextRules.CaseWorkerIdMax + 1))),
            Is.EqualTo(new[] { ("Header/CallContext/CaseWorkerId", "CaseWorkerId.Invalid") }));

    [TestCase(1)]
    [TestCase(64)]
    public void Check_CaseWorkerIdWithinLength_Valid(int length)
    {
        Assert.That(CallContextRules.CaseWorkerIdMax, Is.EqualTo(64));
        Assert.That(Violations(Context(Municipality101, caseWorkerId: new string('a', length))), Is.Empty);
    }

    [Test]
    public void Check_CaseWorkerIdOf64CharactersOutsideTheBasicPlane_Valid() =>
        // 64 characters, 127 UTF-16 code units: XSD counts characters, and so do the rules.
        Assert.That(Violations(Context(Municipality101, caseWorkerId: "a" + string.Concat(Enumerable.Repeat("😀", 63)))), Is.Empty);

    [Test]
    public void Check_CaseWorkerIdOf65CharactersOutsideTheBasicPlane_Invalid() =>
        Assert.That(Violations(Context(Municipality101, caseWorkerId: "a" + string.Concat(Enumerable.Repeat("😀", 64)))),
            Is.EqualTo(new[] { ("Header/CallContext/CaseWorkerId", "CaseWorkerId.Invalid") }));

    private static CallerContext Context(AuthorityId acting, AuthorityId? principal = null, string? caseWorkerId = CaseWorkerId) =>
        new(Agreement, acting, principal, caseWorkerId, "call-1");

    private static (string Field, string Code)[] Violations(CallerContext context) =>
        [.. CallContextRules.Check(context).Select(v => (v.Field, v.Code))];
}
