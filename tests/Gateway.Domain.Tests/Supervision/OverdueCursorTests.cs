using Gateway.Domain.Supervision;

namespace Gateway.Domain.Tests.Supervision;

/// <summary>The overdue list's cursor: it reads back exactly what was written, fits the published type, and nothing else reads.</summary>
public class OverdueCursorTests
{
    [Test]
    public void ToString_ThenTryParse_SamePosition()
    {
        var cursor = new OverdueCursor(new DateOnly(2026, 8, 31), Guid.Parse("01900000-0000-7000-8000-0000000000ab"));

        Assert.That(OverdueCursor.TryParse(cursor.ToString(), out var read) ? read : default, Is.EqualTo(cursor));
        Assert.That(cursor.ToString(), Does.Match("^[0-9A-Za-z-]{1,80}$"), "within the published OverdueCursor type");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("20260831")]
    [TestCase("20260831-01900000000070008000000000000000-1")]
    [TestCase("20260231-01900000000070008000000000000000", TestName = "TryParse_NoSuchDay_False")]
    [TestCase("2026831-01900000000070008000000000000000", TestName = "TryParse_SevenDigitDay_False")]
    [TestCase("20260831-0190000000007000800000000000000", TestName = "TryParse_GuidWith31HexDigits_False")]
    [TestCase("20260831-01900000-0000-7000-8000-000000000000")]
    [TestCase(" 20260831-01900000000070008000000000000000")]
    [TestCase("20260831-0190000000007000800000000000000x")]
    public void TryParse_NotAsWritten_False(string? text) =>
        Assert.That(OverdueCursor.TryParse(text, out _), Is.False);
}
