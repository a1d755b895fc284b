namespace Gateway.Data.Database;

/// <summary>
/// The migrations recorded in the database do not match the scripts this build carries: one was changed after it was
/// applied, or one that was applied is missing from this build (see <see cref="SchemaMigrator"/>). The gateway refuses
/// to start rather than run on a schema that is not the one its scripts describe; the message names every such script
/// and what to do.
/// </summary>
public sealed class MigrationMismatchException : Exception
{
    /// <summary>Creates the exception from the scripts that do not match, each with the sentence that says why.</summary>
    /// <remarks>The sentences are joined on one line: a start-up refusal is printed as one line (docs/operators.md).</remarks>
    public MigrationMismatchException(IReadOnlyList<(string Name, string Problem)> mismatches)
        : base(string.Join(" ", mismatches.Select(m => m.Problem))) =>
        Scripts = [.. mismatches.Select(m => m.Name)];

    /// <summary>The names of the scripts that do not match, in name order.</summary>
    public IReadOnlyList<string> Scripts { get; }
}
