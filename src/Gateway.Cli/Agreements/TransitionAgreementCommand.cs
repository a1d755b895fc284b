using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Data.Conformance;
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
        var reason = new Option<string>("--reason") { Description = "Why, recorded in the history", HelpName = "TEXT", Required = true, CustomParser = ValueParsers.Text };
        var command = new Command(Verb(action), description) { id, reason };
        Option<string>? overrideGate = null;
        Option<string>? testDatabase = null;
        if (action is AgreementAction.Approve or AgreementAction.Resume)
        {
            testDatabase = new Option<string>("--conformance-database")
            {
                Description = $"When Test and Production are separate installations: the Test installation's database, where the IT system's conformance was recorded (default: the environment variable {TestDatabaseVariable}; without either, this database)",
                HelpName = "CONNECTION-STRING",
            };
            command.Options.Add(testDatabase);
            overrideGate = new Option<string>("--override-conformance")
            {
                Description = "Let a Production agreement through although its IT system has not passed every required conformance scenario; why, recorded in the history",
                HelpName = "TEXT",
                CustomParser = ValueParsers.Text,
            };
            command.Options.Add(overrideGate);
        }

        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            var overrideReason = overrideGate is null ? null : parseResult.GetValue(overrideGate);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new AgreementStore(dataSource);
                if (await store.GetAgreementAsync(agreementId, cancellationToken) is not { } agreement)
                {
                    return run.Output.Refuse(AgreementsGroup.Unknown(agreementId));
                }

                string? conformanceOverride = null;
                if (ConformanceGate.Guards(agreement, action))
                {
                    var elsewhere = testDatabase is null ? null : parseResult.GetValue(testDatabase) ?? context.Environment(TestDatabaseVariable);
                    var (report, where) = await StandingAsync(dataSource, agreement, elsewhere, cancellationToken);
                    if (report is not { Certified: true })
                    {
                        if (overrideReason is null)
                        {
                            return report is null
                                ? run.Output.Refuse($"Cannot {Verb(action)} Production agreement {agreementId}: {where}. --override-conformance TEXT lets it through anyway, recorded in the history.")
                                : run.Output.Refuse(
                                    $"Cannot {Verb(action)} Production agreement {agreementId}: IT system {agreement.ItSystemId} has not passed every required conformance scenario for it (catalogue {ConformanceCatalogue.Version}, {where}). "
                                    + (elsewhere is null ? $"`gatewayctl conformance status {agreement.ItSystemId}`" : "`gatewayctl conformance status SYSTEM` against the Test installation's database")
                                    + " shows where it stands; --override-conformance TEXT lets it through anyway, recorded in the history. Missing:",
                                    report.Missing.Select(r => $"{r.Scenario.Id} ({r.State}): {r.Scenario.Title}"));
                        }

                        conformanceOverride = ConformanceGate.OverrideNote(action, report ?? new ConformanceReport([]), overrideReason);
                    }
                    else if (overrideReason is not null)
                    {
                        run.Output.Note("--override-conformance was not needed: the IT system has passed every required scenario; nothing is recorded about it.");
                    }
                }
                else if (overrideReason is not null)
                {
                    run.Output.Note("--override-conformance was not needed: the conformance gate applies only to approving or resuming a Production agreement; nothing is recorded about it.");
                }

                var result = await store.TransitionAsync(agreementId, action, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken, conformanceOverride);
                if (result is { Agreement: not null } && conformanceOverride is not null)
                {
                    run.Output.Note($"Conformance gate overridden: {conformanceOverride}");
                }

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

    /// <summary>The environment variable naming the Test installation's database, for <c>--conformance-database</c>.</summary>
    public const string TestDatabaseVariable = "ConnectionStrings__Conformance";

    // The system's standing for the agreement: in this database, or, when Test is an installation of its own, in the
    // Test installation's, where its calls were recorded; with where it was judged, or why it could not be.
    private static async Task<(ConformanceReport? Report, string Where)> StandingAsync(
        Data.Database.GatewayDataSource here, Agreement agreement, string? testDatabase, CancellationToken cancellationToken)
    {
        if (testDatabase is null)
        {
            return (await new ConformanceStanding(here).ForAgreementAsync(agreement, cancellationToken), "judged on this database's Test calls");
        }

        var system = (await new ItSystemStore(here).FindItSystemAsync(agreement.ItSystemId, cancellationToken))!;
        Data.Database.GatewayDataSource test;
        try
        {
            test = Data.Database.GatewayDataSource.Create(testDatabase);
        }
        catch (ArgumentException ex)
        {
            return (null, $"the Test installation's connection string (--conformance-database or {TestDatabaseVariable}) is not valid: {ex.Message}");
        }

        await using var _ = test;
        var report = await new ConformanceStanding(test).ForAgreementElsewhereAsync(agreement, system.Name, system.VendorCvr, cancellationToken);
        return report is null
            ? (null, $"the Test installation's database ({test.Description}) has no IT system named '{system.Name}' with vendor CVR {system.VendorCvr}; register it there under the same name and vendor, and run its Test calls there")
            : (report, $"judged on the Test installation's calls for '{system.Name}' in {test.Description}");
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
