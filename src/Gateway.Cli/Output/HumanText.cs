namespace Gateway.Cli.Output;

/// <summary>
/// How people read every result: tables for lists (<see cref="TextTable"/>), "field  value" lines for one thing,
/// moments and days in one format. Each command folder has its own formatter built from these; <c>--json</c> bypasses them.
/// </summary>
public static class HumanText
{
    /// <summary>Name-value lines with the values aligned and escaped (<see cref="PrintableText"/>), as every "show" prints them.</summary>
    internal static void Fields(TextWriter writer, params (string Name, string Value)[] fields)
    {
        var width = fields.Max(f => f.Name.Length) + 2;
        foreach (var (name, value) in fields)
        {
            writer.WriteLine(name.PadRight(width) + PrintableText.Escape(value));
        }
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>A moment as every listing prints it: UTC, to the second.</summary>
    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'");
}
