using System.CommandLine;
using Gateway.Cli.Output;
using Gateway.Domain.Faults;
using Npgsql;

namespace Gateway.Cli.Execution;

/// <summary>One invoked command: its output, its operator, and the database it works on.</summary>
public sealed class CommandRun(CliContext context, ParseResult parseResult, CommandOutput output)
{
    /// <summary>Where results and messages go.</summary>
    public CommandOutput Output { get; } = output;

    /// <summary>Who makes the change (<c>--operator</c>, default the user name).</summary>
    public string Operator => parseResult.GetValue(context.Options.Operator) is { Length: > 0 } name ? name : System.Environment.UserName;

    /// <summary>Today in Denmark, on the gateway's calendar (<see cref="CliContext.Calendar"/>).</summary>
    public DateOnly Today => context.Calendar.Today;

    /// <summary>
    /// Runs <paramref name="work"/> against the database named by <c>--connection-string</c> or the environment. A
    /// missing or malformed connection string is a usage error; a database that cannot be reached, or that refuses the
    /// change, ends the command with <see cref="ExitCodes.Refused"/> and a message saying what to check.
    /// </summary>
    public async Task<int> WithDatabaseAsync(Func<NpgsqlDataSource, Task<int>> work)
    {
        if (ConnectionStringSource.Resolve(parseResult.GetValue(context.Options.ConnectionString), context.Environment) is not { } source)
        {
            return Output.Usage(ConnectionStringSource.Missing);
        }

        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(source.Value);
        }
        catch (ArgumentException ex)
        {
            return Output.Usage($"The connection string from {source.Origin} is not valid: {ex.Message}");
        }

        await using (dataSource)
        {
            try
            {
                return await work(dataSource);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                return Output.Refuse($"The database {Describe(source.Value)} has no gateway schema yet ({ex.MessageText}); run `gatewayctl migrate` first.");
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.CheckViolation)
            {
                // The CLI checks references before it writes; this is what another operator's concurrent change leaves.
                return Output.Refuse($"The database refused the change: {ex.MessageText}. Nothing was changed; check with the list commands and try again.");
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
                                                   or PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections)
            {
                return CannotReach(source, ex.MessageText);
            }
            catch (NpgsqlException ex) when (ex is not PostgresException)
            {
                return CannotReach(source, ex.Message);
            }
            catch (GatewayException ex) when (ex.Refusal.Code == FaultCodes.StoreUnavailable)
            {
                return CannotReach(source, ex.InnerException?.Message ?? ex.Message);
            }
        }
    }

    private int CannotReach((string Value, string Origin) source, string reason) =>
        Output.Refuse($"Cannot reach the database {Describe(source.Value)}: {reason.TrimEnd('.')}. Check that PostgreSQL runs and that the " +
                      $"connection string (from {source.Origin}) is right.");

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
