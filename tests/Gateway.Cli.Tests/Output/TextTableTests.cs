using Gateway.Cli.Output;

namespace Gateway.Cli.Tests.Output;

[TestFixture]
public sealed class TextTableTests
{
    [Test]
    public void WriteTo_Rows_AlignsColumnsWithoutTrailingSpaces()
    {
        using var writer = new StringWriter();

        new TextTable("KIND", "CODE", "NAME").Add("Municipality", "101", "Copenhagen").Add("OtherActor", "12345674", null).WriteTo(writer, "none");

        Assert.That(writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "KIND          CODE      NAME",
            "Municipality  101       Copenhagen",
            "OtherActor    12345674",
        }));
    }

    [Test]
    public void WriteTo_NoRows_WritesTheEmptyText()
    {
        using var writer = new StringWriter();

        new TextTable("A").WriteTo(writer, "Nothing here.");

        Assert.That(writer.ToString().Trim(), Is.EqualTo("Nothing here."));
    }
}
