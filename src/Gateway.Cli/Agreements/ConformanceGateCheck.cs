using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Data.Conformance;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Conformance;
using Gateway.Domain.Faults;

namespace Gateway.Cli.Agreements;

/// <summary>
/// The production gate (<see cref="ConformanceGate"/>) as the commands it guards apply it (approve, resume, amend): the
/// options <c>--override-conformance</c> and <c>--conformance-database</c>, and the judgement of an agreement on its IT
/// system's Test calls, here or in the Test installation's database.
/// </summary>
public sealed class ConformanceGateCheck
{
    /// <summary>The environment variable naming the Test installation's database, for <c>--conformance-database</c>.</summary>
    public const string TestDatabaseVariable = "ConnectionStrings__Conformance";

    private readonly Option<string> _testDatabase = new("--conformance-database")
    {
        Description = $"When Test and Production are separate installations: the Test installation's database, where the IT system's conformance was recorded (default: the environment variable {TestDatabaseVariable}; without either, this database)",
        HelpName = "CONNECTION-STRING",
        CustomParser = ValueParsers.Text,
    };

    private readonly Option<string> _override = new("--override-conformance")
    {
        Description = "Let a Production agreement through although its IT system has not passed every required conformance scenario; why, recorded in the history",
        HelpName = "TEXT",
        CustomParser = ValueParsers.Reason,
    };

    private ConformanceGateCheck()
    {
    }

    /// <summary>A check whose two options are added to <paramref name="command"/>.</summary>
    public static ConformanceGateCheck AddTo(Command command)
    {
        var check = new ConformanceGateCheck();
        command.Options.Add(check._testDatabase);
        command.Options.Add(check._override);
        return check;
    }

    /// <summary>
    /// Judges <paramref name="judged"/> (the agreement as it would admit calls) on its IT system's conformance. Passed:
    /// nothing to record. Not passed: refused, naming what is missing, unless <c>--override-conformance</c> gives a
    /// reason; then <paramref name="note"/> makes what the history records of it.
    /// </summary>
    /// <param name="context">The invocation, for the environment variable <see cref="TestDatabaseVariable"/>.</param>
    /// <param name="run">The command, for its output.</param>
    /// <param name="parseResult">The command line, for the two options.</param>
    /// <param name="dataSource">This installation's database.</param>
    /// <param name="judged">The agreement as it would admit calls: as it is for an approval, as amended for an amendment.</param>
    /// <param name="attempt">What is refused, for the message: <c>approve Production agreement ID</c>.</param>
    /// <param name="against">What the scenarios were judged for, for the message: <c>for it</c>.</param>
    /// <param name="note">What the history records of an override, from the report and the operator's reason.</param>
    /// <param name="cancellationToken">Ends the judgement.</param>
    public async Task<GateOutcome> JudgeAsync(
        CliContext context, CommandRun run, ParseResult parseResult, GatewayDataSource dataSource, Agreement judged, string attempt, string against,
        Func<ConformanceReport, string, string> note, CancellationToken cancellationToken)
    {
        var overrideReason = parseResult.GetValue(_override);
        var elsewhere = TestDatabase(context, parseResult);
        var (report, where) = await StandingAsync(dataSource, judged, elsewhere, cancellationToken);
        if (report is { Certified: true })
        {
            if (overrideReason is not null)
            {
                run.Output.Note("--override-conformance was not needed: the IT system has passed every required scenario; nothing is recorded about it.");
            }

            return GateOutcome.Passed;
        }

        if (overrideReason is not null)
        {
            return new GateOutcome(null, note(report ?? new ConformanceReport([]), overrideReason));
        }

        return new GateOutcome(report is null
            ? run.Output.Refuse($"Cannot {attempt}: {where}. --override-conformance TEXT lets it through anyway, recorded in the history.")
            : run.Output.Refuse(
                $"Cannot {attempt}: IT system {judged.ItSystemId} has not passed every required conformance scenario {against} (catalogue {ConformanceCatalogue.Version}, {where}). "
                + (elsewhere is null ? $"`gatewayctl conformance status {judged.ItSystemId}`" : "`gatewayctl conformance status SYSTEM` against the Test installation's database")
                + " shows where it stands; --override-conformance TEXT lets it through anyway, recorded in the history. Missing:",
                report.Missing.Select(r => $"{r.Scenario.Id} ({r.State}): {r.Scenario.Title}")), null);
    }

    /// <summary>For a change the gate does not judge: says that an <c>--override-conformance</c> given was not needed, and why (<paramref name="why"/>).</summary>
    public void NotNeeded(CommandRun run, ParseResult parseResult, string why)
    {
        if (parseResult.GetValue(_override) is not null)
        {
            run.Output.Note($"--override-conformance was not needed: {why}; nothing is recorded about it.");
        }
    }

    // The Test installation's connection string and where it came from, or null to judge on this database. An empty
    // environment variable counts as unset, as ConnectionStrings__Gateway does; the option itself refuses a blank value.
    private (string Value, string Origin)? TestDatabase(CliContext context, ParseResult parseResult) =>
        parseResult.GetValue(_testDatabase) is { } given ? (given, "--conformance-database")
        : context.Environment(TestDatabaseVariable) is { } set && !string.IsNullOrWhiteSpace(set) ? (set, "the environment variable " + TestDatabaseVariable)
        : null;

    // The system's standing for the agreement: in this database, or, when Test is an installation of its own, in the
    // Test installation's, where its calls were recorded; with where it was judged, or why it could not be.
    private static async Task<(ConformanceReport? Report, string Where)> StandingAsync(
        GatewayDataSource here, Agreement agreement, (string Value, string Origin)? testDatabase, CancellationToken cancellationToken)
    {
        if (testDatabase is not { } elsewhere)
        {
            return (await new ConformanceStanding(here).ForAgreementAsync(agreement, cancellationToken), "judged on this database's Test calls");
        }

        var (connectionString, origin) = elsewhere;
        var system = (await new ItSystemStore(here).FindItSystemAsync(agreement.ItSystemId, cancellationToken))!;
        GatewayDataSource test;
        try
        {
            test = GatewayDataSource.Create(connectionString);
        }
        catch (ArgumentException ex)
        {
            return (null, $"the connection string of the Test (conformance) database, from {origin}, is not valid: {ex.Message}");
        }

        await using var _ = test;
        ConformanceReport? report;
        try
        {
            report = await new ConformanceStanding(test).ForAgreementElsewhereAsync(agreement, system.Name, system.VendorCvr, cancellationToken);
        }
        catch (GatewayException ex) when (ex.Refusal.Code == FaultCodes.StoreUnavailable)
        {
            // Caught here, not by the command's own database handling, which would name this installation's database
            // and send the operator to check the wrong one.
            return (null, $"cannot reach the Test (conformance) database {test.Description} named by {origin}: {StoreFailures.Reason(ex).TrimEnd('.')}. " +
                          "Check that the Test installation's PostgreSQL runs and that the connection string is right");
        }
        catch (SchemaMissingException ex)
        {
            return (null, $"the Test (conformance) database {test.Description} named by {origin} has no gateway schema ({ex.Message}); " +
                          "name the Test installation's own database, where its gateway recorded the IT system's Test calls");
        }

        return report is null
            ? (null, $"the Test (conformance) database {test.Description} has no IT system named '{system.Name}' with vendor CVR {system.VendorCvr}; register it there under the same name and vendor, and run its Test calls there")
            : (report, $"judged on the Test installation's calls for '{system.Name}' in {test.Description}");
    }
}
