using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Domain.Conformance;
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
        var reason = AgreementsGroup.ReasonOption();
        var command = new Command(Verb(action), description) { id, reason };
        var gate = action is AgreementAction.Approve or AgreementAction.Resume ? ConformanceGateCheck.AddTo(command) : null;
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new AgreementStore(dataSource);
                if (await store.GetAgreementAsync(agreementId, cancellationToken) is not { } agreement)
                {
                    return run.Output.Refuse(AgreementsGroup.Unknown(agreementId));
                }

                var judged = gate is not null && ConformanceGate.Guards(agreement, action);
                string? conformanceOverride = null;
                if (judged)
                {
                    var outcome = await gate!.JudgeAsync(context, run, parseResult, dataSource, agreement, $"{Verb(action)} Production agreement {agreementId}", "for it",
                        (report, why) => ConformanceGate.OverrideNote(action, report, why), cancellationToken);
                    if (outcome.Refused is { } refused)
                    {
                        return refused;
                    }

                    conformanceOverride = outcome.ConformanceOverride;
                }
                else
                {
                    gate?.NotNeeded(run, parseResult, "the conformance gate applies only to approving or resuming a Production agreement");
                }

                var result = await store.TransitionAsync(
                    agreementId, action, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken, conformanceOverride, judged ? agreement : null);
                if (result is { Agreement: not null } && conformanceOverride is not null)
                {
                    run.Output.Note($"Conformance gate overridden: {conformanceOverride}");
                }

                return result switch
                {
                    null => run.Output.Refuse(AgreementsGroup.Unknown(agreementId)),
                    { AmendedMeanwhile: true } => run.Output.Refuse(
                        $"Cannot {Verb(action)} agreement {agreementId}: it was amended while the conformance gate judged it, so the judgement was of other terms; nothing was changed. Run the command again."),
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
