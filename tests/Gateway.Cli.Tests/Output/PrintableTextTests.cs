using Gateway.Cli.Output;

namespace Gateway.Cli.Tests.Output;

/// <summary>Stored text printed by gatewayctl: one value, one line, saying exactly what is stored.</summary>
[TestFixture]
public sealed class PrintableTextTests
{
    [TestCase("sagsbeh-17", "sagsbeh-17", TestName = "Escape_PlainText_Unchanged")]
    [TestCase("Søren Ægidius 😀", "Søren Ægidius 😀", TestName = "Escape_LettersAndEmoji_Unchanged")]
    [TestCase("a\nb", @"a\nb", TestName = "Escape_LineFeed_Escaped")]
    [TestCase("a\r\nb", @"a\r\nb", TestName = "Escape_CarriageReturn_Escaped")]
    [TestCase("a\tb", @"a\tb", TestName = "Escape_Tab_Escaped")]
    [TestCase("a\u001b[31mb", @"a\u001B[31mb", TestName = "Escape_TerminalEscape_Escaped")]
    [TestCase("a\u0085b", @"a\u0085b", TestName = "Escape_NextLine_Escaped")]
    [TestCase("a\u2028b", @"a\u2028b", TestName = "Escape_LineSeparator_Escaped")]
    [TestCase("a\u202eb", @"a\u202Eb", TestName = "Escape_RightToLeftOverride_Escaped")]
    [TestCase("a\u200bb", @"a\u200Bb", TestName = "Escape_ZeroWidthSpace_Escaped")]
    [TestCase("\U000E0020(system)", @"\U000E0020(system)", TestName = "Escape_TagCharacterBeyondTheBasicPlane_Escaped")]
    [TestCase("\u034F(system)", @"\u034F(system)", TestName = "Escape_CombiningGraphemeJoiner_Escaped")]
    [TestCase("\u3164", @"\u3164", TestName = "Escape_HangulFiller_Escaped")]
    [TestCase("a\u00A0b", @"a\u00A0b", TestName = "Escape_NoBreakSpace_Escaped")]
    [TestCase(@"jobcenter\sbh", @"jobcenter\\sbh", TestName = "Escape_Backslash_Doubled")]
    [TestCase(@"a\nb", @"a\\nb", TestName = "Escape_TextThatLooksLikeAnEscape_CannotPassForOne")]
    public void Escape_Text_IsOneUnambiguousLine(string stored, string printed) =>
        Assert.That(PrintableText.Escape(stored), Is.EqualTo(printed));

    [Test]
    public void TextTable_CellWithALineBreakAndAForgedRow_StaysInItsRow()
    {
        using var writer = new StringWriter();

        new TextTable("CASE WORKER", "CALL ID")
            .Add("cw-1\n2026-01-01 00:00:00Z  GetContactCourse  Ok  someone-else", "call-1")
            .WriteTo(writer, "none");

        Assert.That(writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
    }
}
