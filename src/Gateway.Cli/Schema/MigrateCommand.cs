using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Database;

namespace Gateway.Cli.Schema;

/// <summary>
/// <c>gatewayctl migrate</c>: applies the migrations this build carries that the database has not had yet, or refuses
/// (exit code <see cref="ExitCodes.Refused"/>) when an applied one was changed since or is missing from this build.
/// </summary>
public static class MigrateCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Apply pending migrations (the same scripts the gateway applies at start-up)");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource =>
            {
                try
                {
                    var applied = await SchemaMigrator.ApplyAsync(dataSource, cancellationToken);
                    return run.Output.Result(new MigrationResult(applied), SchemaText.Migration);
                }
                catch (MigrationMismatchException ex)
                {
                    // Nothing was applied: the gateway refuses to start on this database for the same reason.
                    return run.Output.Refuse(ex.Message);
                }
            });
        });
        return command;
    }
}
