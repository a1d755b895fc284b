using System.CommandLine;
using Gateway.Cli.Output;
using Gateway.Data.Database;
using Gateway.Domain.Faults;

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
    /// missing or malformed connection string is a usage error; a database that cannot be reached, has no schema, or
    /// refuses the change, ends the command with <see cref="ExitCodes.Refused"/> and a message saying what to check.
    /// The failures are the data layer's classification (<see cref="StoreFailures"/>), matched here on its types.
    /// </summary>
    public async Task<int> WithDatabaseAsync(Func<GatewayDataSource, Task<int>> work)
    {
        if (ConnectionStringSource.Resolve(parseResult.GetValue(context.Options.ConnectionString), context.Environment) is not { } source)
        {
            return Output.Usage(ConnectionStringSource.Missing);
        }

        GatewayDataSource dataSource;
        try
        {
            dataSource = GatewayDataSource.Create(source.Value);
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
            catch (SchemaMissingException ex)
            {
                return Output.Refuse($"The database {dataSource.Description} has no gateway schema yet ({ex.Message}); run `gatewayctl migrate` first.");
            }
            catch (StoreConflictException ex)
            {
                // The CLI checks references before it writes; this is what another operator's concurrent change leaves.
                return Output.Refuse($"The database refused the change: {ex.Message}. Nothing was changed; check with the list commands and try again.");
            }
            catch (GatewayException ex) when (ex.Refusal.Code == FaultCodes.StoreUnavailable)
            {
                return Output.Refuse($"Cannot reach the database {dataSource.Description}: {StoreFailures.Reason(ex).TrimEnd('.')}. Check that PostgreSQL runs and that the " +
                                     $"connection string (from {source.Origin}) is right.");
            }
        }
    }
}
