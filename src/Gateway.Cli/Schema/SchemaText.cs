namespace Gateway.Cli.Schema;

/// <summary>The <c>migrate</c> command's result as people read it; <c>--json</c> bypasses this.</summary>
public static class SchemaText
{
    /// <summary><c>migrate</c>.</summary>
    public static void Migration(TextWriter writer, MigrationResult result) => writer.WriteLine(result.Applied.Count == 0
        ? "The schema is up to date; no migration was pending."
        : "Applied: " + string.Join(", ", result.Applied));
}
