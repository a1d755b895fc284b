using Gateway.Domain.Registrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>The cursor callers store and send back: it reads back exactly what was written, and nothing else.</summary>
public class RegistrationCursorTests
{
    [Test]
    public void ToString_ThenTryParse_SamePosition()
    {
        var cursor = new RegistrationCursor(ulong.MaxValue, Guid.Parse("01900000-0000-7000-8000-0000000000ab"), 17);

        Assert.That(RegistrationCursor.TryParse(cursor.ToString(), out var read) ? read : default, Is.EqualTo(cursor));
    }

    [Test]
    public void Start_WrittenAndReadBack_RoundTripsAndSortsBeforeEveryVersion()
    {
        Assert.That(RegistrationCursor.TryParse(RegistrationCursor.Start.ToString(), out var read), Is.True);
        Assert.That(read, Is.EqualTo(RegistrationCursor.Start));
        Assert.That(read.ToString(), Does.Match("^[0-9A-Za-z-]{1,80}$"), "within the published Cursor type");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("1")]
    [TestCase("1-01900000000070008000000000000000")]
    [TestCase("1-01900000000070008000000000000000-1-2")]
    [TestCase("-1-01900000000070008000000000000000-1")]
    [TestCase("1-01900000-0000-7000-8000-000000000000-1")]
    [TestCase("1-0190000000007000800000000000000-1", TestName = "TryParse_GuidWith31HexDigits_False")]
    [TestCase("18446744073709551616-01900000000070008000000000000000-1", TestName = "TryParse_XidBeyond64Bits_False")]
    [TestCase("1-01900000000070008000000000000000-x")]
    [TestCase("+1-01900000000070008000000000000000-1")]
    [TestCase(" 1-01900000000070008000000000000000-1")]
    public void TryParse_NotAsWritten_False(string? text) =>
        Assert.That(RegistrationCursor.TryParse(text, out _), Is.False);
}
