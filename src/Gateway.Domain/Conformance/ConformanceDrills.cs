namespace Gateway.Domain.Conformance;

/// <summary>
/// When the Test environment runs a drill on a call (<see cref="ConformanceDrill"/>), for an IT system whose drills are
/// switched on. One drill at a time, in the order LostAnswer, StaleVersion, Outage, each only for a system whose
/// agreements need its scenario and only until that scenario is passed: the first drill not yet passed is armed, and
/// the next one waits. A drill runs on the first call it fits (a new registration; a correction; any write); once the
/// system has answered it (a retry of the write, another correction of the registration) and the scenario is still
/// not passed, it runs again. An outage refuses <see cref="OutageWrites"/> writes in a row, and starts again only
/// after the system has reconciled wrongly (stored twice).
/// </summary>
public static class ConformanceDrills
{
    /// <summary>How many writes an outage refuses.</summary>
    public const int OutageWrites = 3;

    private static readonly (ConformanceDrill Drill, string Scenario)[] Order =
    [
        (ConformanceDrill.LostAnswer, "retry.lost-answer"),
        (ConformanceDrill.StaleVersion, "conflict.stale-version"),
        (ConformanceDrill.Outage, "reconcile.outage"),
    ];

    /// <summary>
    /// What to do on a call of <paramref name="operation"/> (a write's <paramref name="requestId"/>, if any) by a system with
    /// <paramref name="target"/> and these earlier <paramref name="calls"/>: the drill to run, or none; and whether the
    /// drills are done, every drill scenario that applies being passed. The calls are judged once.
    /// </summary>
    public static DrillPlan Plan(ConformanceTarget target, IReadOnlyList<ObservedCall> calls, string operation, string? requestId)
    {
        var isWrite = operation is ConformanceCatalogue.Register or ConformanceCatalogue.Correct or ConformanceCatalogue.Cancel;
        var outages = calls.Count(c => c.Drill == ConformanceDrill.Outage);
        if (outages % OutageWrites != 0)
        {
            // An outage under way refuses every write until it is over.
            return new(isWrite ? ConformanceDrill.Outage : null, Done: false);
        }

        var report = ConformanceCatalogue.Evaluate(target, calls);
        foreach (var (drill, scenario) in Order)
        {
            if (report.Results.FirstOrDefault(r => r.Scenario.Id == scenario) is not { } result || result.State == ScenarioState.Passed)
            {
                continue;
            }

            return new(Armed(drill, result, calls) && Fits(drill, operation, requestId, calls) ? drill : null, Done: false);
        }

        return new(null, Done: true);
    }

    /// <summary>The text of the fault a drill answers with: it says that it is a drill, and what a well-behaved system does.</summary>
    public static string FaultText(ConformanceDrill drill) => drill switch
    {
        ConformanceDrill.LostAnswer =>
            "Conformance drill LostAnswer (Test environment only): the write WAS stored, and this answer is withheld on purpose, as if it had been lost. Send the same request again, with the same RequestId, and accept the receipt it gets.",
        ConformanceDrill.Outage =>
            $"Conformance drill Outage (Test environment only): writes are refused on purpose for a while ({OutageWrites} in a row); nothing was stored. Afterwards, page ListRegistrations from your last cursor and send what is missing, once.",
        _ => throw new ArgumentOutOfRangeException(nameof(drill), drill, "This drill answers with the gateway's own fault."),
    };

    /// <summary>The reason the Test environment gives for the correction it makes itself in a <see cref="ConformanceDrill.StaleVersion"/> drill.</summary>
    public const string StaleVersionReason =
        "Conformance drill StaleVersion (Test environment only): corrected by the Test environment on purpose, so that the correction you sent is stale. Read the registration with GetInterview and correct its latest version.";

    // Never run yet, or run and answered by the system without passing.
    private static bool Armed(ConformanceDrill drill, ScenarioResult result, IReadOnlyList<ObservedCall> calls)
    {
        var last = calls.LastOrDefault(c => c.Drill == drill);
        if (last is null)
        {
            return true;
        }

        var after = calls.SkipWhile(c => !ReferenceEquals(c, last)).Skip(1);
        return drill switch
        {
            ConformanceDrill.LostAnswer => after.Any(c => c.Operation == last.Operation && c.ContentKey == last.ContentKey),
            ConformanceDrill.StaleVersion => after.Any(c => c.Operation is ConformanceCatalogue.Correct or ConformanceCatalogue.Cancel && c.RegistrationId == last.RegistrationId),
            _ => result.State == ScenarioState.Failed,
        };
    }

    private static bool Fits(ConformanceDrill drill, string operation, string? requestId, IReadOnlyList<ObservedCall> calls) => drill switch
    {
        // A new registration: a request id seen before is a retry, answered with its first receipt.
        ConformanceDrill.LostAnswer => operation == ConformanceCatalogue.Register && requestId is not null
            && !calls.Any(c => c.Operation == operation && c.RequestId == requestId && (c.Succeeded || c.Drill is not null)),
        ConformanceDrill.StaleVersion => operation == ConformanceCatalogue.Correct,
        _ => operation is ConformanceCatalogue.Register or ConformanceCatalogue.Correct or ConformanceCatalogue.Cancel,
    };
}

/// <summary>What <see cref="ConformanceDrills.Plan"/> decided for one call.</summary>
/// <param name="Drill">The drill to run on it, or null.</param>
/// <param name="Done">Whether every drill scenario that applies is passed: the drills have nothing left to do.</param>
public sealed record DrillPlan(ConformanceDrill? Drill, bool Done);
