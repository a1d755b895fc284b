using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;

namespace Gateway.Cli.Audit;

/// <summary>
/// <c>gatewayctl audit seal</c>: links every settled entry into the chain once, as the gateway does every second; for
/// when no gateway runs. A running gateway's sealer and this one take turns.
/// </summary>
public static class SealAuditCommand
{
    /// <summary>The command; a chain whose last link has lost its entry is refused (exit 1).</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("seal", "Link every settled access-log entry into the hash chain (the gateway does this every second)");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource =>
            {
                try
                {
                    return run.Output.Result(new SealResult(await new AccessLogSealer(dataSource).SealAsync(cancellationToken)), AuditText.Sealed);
                }
                catch (Exception ex) when (ex is AccessLogChainException or TransactionIdsBehindException)
                {
                    return run.Output.Refuse(ex.Message);
                }
            });
        });
        return command;
    }
}
