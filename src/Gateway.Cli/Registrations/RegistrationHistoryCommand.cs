using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Registrations;

namespace Gateway.Cli.Registrations;

/// <summary><c>gatewayctl registrations history ID</c>: every version of one registration with its channel, agreement and case worker.</summary>
public static class RegistrationHistoryCommand
{
    /// <summary>The command; an unknown registration id is refused (exit 1).</summary>
    public static Command Create(CliContext context)
    {
        var id = new Argument<Guid>("ID") { Description = "The registration's id (from a receipt or the access log)", CustomParser = ValueParsers.Id };
        var command = new Command("history", "Show every version of a registration: change, time, channel, agreement, case worker, reason") { id };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var registrationId = parseResult.GetValue(id);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var history = await new RegistrationStore(dataSource).HistoryAsync(registrationId, cancellationToken);
                return history.Count == 0
                    ? run.Output.Refuse($"No registration {registrationId}; the id is in the receipt of RegisterInterview and in `gatewayctl audit show`.")
                    : run.Output.Result(history.Select(VersionRecord.Of).ToList(), RegistrationsText.History);
            });
        });
        return command;
    }
}
