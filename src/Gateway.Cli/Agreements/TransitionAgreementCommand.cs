using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary>
/// <c>gatewayctl agreements approve|reject|suspend|resume|terminate ID --reason TEXT</c>: one status change, if the
/// lifecycle (<see cref="AgreementLifecycle"/>) allows it from the agreement's current status. It takes effect on the
/// gateway's next call.
/// </summary>
public static class TransitionAgreementCommand
{
    /// <summary>The command for <paramref name="action"/>.</summary>
    public static Command Create(CliContext context, AgreementAction action, string description)
    {
        var id = AgreementsGroup.IdArgument();
        var reason = new Option<string>("--reason") { Description = "Why, recorded in the history", HelpName = "TEXT", Required = true, CustomParser = ValueParsers.Text };
        var command = new Command(Verb(action), description) { id, reason };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var result = await new AgreementStore(dataSource)
                    .TransitionAsync(agreementId, action, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken);
                return result switch
                {
                    null => run.Output.Refuse(AgreementsGroup.Unknown(agreementId)),
                    { Agreement: null } => run.Output.Refuse(Refusal(agreementId, action, result.From)),
                    _ => run.Output.Result(result, AgreementsText.Transition),
                };
            });
        });
        return command;
    }

    /// <summary>Why <paramref name="action"/> is impossible from <paramref name="from"/>, and what is possible instead.</summary>
    public static string Refusal(Guid id, AgreementAction action, AgreementStatus from)
    {
        var allowed = AgreementLifecycle.AllowedFrom(from).Where(a => a != AgreementAction.Expire).Select(Verb).ToList();
        var instead = allowed.Count == 0
            ? $"from {from} nothing is allowed; request a new agreement with `gatewayctl agreements request`"
            : $"from {from} only {(allowed.Count == 1 ? allowed[0] : string.Join(", ", allowed.SkipLast(1)) + " or " + allowed[^1])} is allowed";
        return $"Cannot {Verb(action)} agreement {id}: it is {from}; {instead}.";
    }

    private static string Verb(AgreementAction action) => action.ToString().ToLowerInvariant();
}
