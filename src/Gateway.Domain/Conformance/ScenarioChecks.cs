using Gateway.Domain.Faults;

namespace Gateway.Domain.Conformance;

/// <summary>
/// The judgements of <see cref="ConformanceCatalogue"/>: each reads an IT system's calls in the order the gateway saw
/// them. A scenario is passed once a call sequence shows it; failed when only near misses show; otherwise not yet.
/// </summary>
internal static class ScenarioChecks
{
    private const string Register = ConformanceCatalogue.Register, Correct = ConformanceCatalogue.Correct,
        Cancel = ConformanceCatalogue.Cancel, ReadInterview = ConformanceCatalogue.ReadInterview, List = ConformanceCatalogue.List;

    private static readonly string Unavailable = FaultCodes.StoreUnavailable.Value;

    /// <summary>Passed by the first successful call that <paramref name="shows"/> the scenario.</summary>
    public static ScenarioResult FirstSuccess(ConformanceScenario scenario, IReadOnlyList<ObservedCall> calls, Func<ObservedCall, bool> shows) =>
        calls.FirstOrDefault(c => c.Succeeded && shows(c)) is { } call ? ScenarioResult.Passed(scenario, call) : ScenarioResult.NotYet(scenario);

    /// <summary>A GetContactCourse whose answer holds a registration the system made earlier.</summary>
    public static ScenarioResult ReadsBackCourse(ConformanceScenario scenario, IReadOnlyList<ObservedCall> calls)
    {
        var registered = new Dictionary<Guid, ObservedCall>();
        foreach (var call in calls.Where(c => c.Succeeded))
        {
            if (call.Operation == Register && call.RegistrationId is { } id)
            {
                registered.TryAdd(id, call);
            }
            else if (call.Operation == ConformanceCatalogue.ReadCourse && call.AnswerRegistrations.FirstOrDefault(registered.ContainsKey) is var found && found != Guid.Empty)
            {
                return ScenarioResult.Passed(scenario, registered[found], call);
            }
        }

        return ScenarioResult.NotYet(scenario);
    }

    /// <summary>A GetInterview of a registration id a receipt gave earlier.</summary>
    public static ScenarioResult ReadsBackInterview(ConformanceScenario scenario, IReadOnlyList<ObservedCall> calls)
    {
        var registered = new Dictionary<Guid, ObservedCall>();
        foreach (var call in calls.Where(c => c.Succeeded && c.RegistrationId is not null))
        {
            if (call.Operation == Register)
            {
                registered.TryAdd(call.RegistrationId!.Value, call);
            }
            else if (call.Operation == ReadInterview && registered.TryGetValue(call.RegistrationId!.Value, out var registration))
            {
                return ScenarioResult.Passed(scenario, registration, call);
            }
        }

        return ScenarioResult.NotYet(scenario);
    }

    /// <summary>
    /// After a <see cref="ConformanceDrill.LostAnswer"/>, the same request id comes again and gets the stored
    /// registration's receipt. The same content under a new request id stores it twice: a near miss.
    /// </summary>
    public static ScenarioResult RetriesLostAnswer(ConformanceScenario scenario, IReadOnlyList<ObservedCall> calls)
    {
        ScenarioResult? failure = null;
        for (var i = 0; i < calls.Count; i++)
        {
            if (calls[i] is not { Drill: ConformanceDrill.LostAnswer, RequestId: { } requestId } lost)
            {
                continue;
            }

            var sameContent = calls.Skip(i + 1).Where(c => c.Operation == lost.Operation && c.ContentKey == lost.ContentKey && c.Succeeded).ToList();
            // The same content stored under another request id, before or after the proper retry, is stored twice.
            if (sameContent.FirstOrDefault(c => c.RequestId != requestId) is { } duplicate)
            {
                failure ??= ScenarioResult.Failed(scenario,
                    "The write was sent again under a new request id, so it was stored twice; a retry must reuse the request id.", lost, duplicate);
                continue;
            }

            if (sameContent.FirstOrDefault(c => c.RegistrationId == lost.RegistrationId) is { } retry)
            {
                return ScenarioResult.Passed(scenario, lost, retry);
            }
        }

        return failure ?? ScenarioResult.NotYet(scenario);
    }

    /// <summary>
    /// After a <see cref="ConformanceDrill.StaleVersion"/>, the registration is read with GetInterview and then
    /// corrected (or cancelled) successfully. The stale write sent again before any read is a near miss.
    /// </summary>
    public static ScenarioResult RedoesStaleCorrection(ConformanceScenario scenario, IReadOnlyList<ObservedCall> calls)
    {
        ScenarioResult? failure = null;
        for (var i = 0; i < calls.Count; i++)
        {
            if (calls[i] is not { Drill: ConformanceDrill.StaleVersion, RegistrationId: { } registrationId } stale)
            {
                continue;
            }

            ObservedCall? read = null;
            foreach (var next in calls.Skip(i + 1).Where(c => c.RegistrationId == registrationId))
            {
                if (next.Operation == ReadInterview && next.Succeeded)
                {
                    read ??= next;
                }
                else if (next.Operation is Correct or Cancel && read is not null && next.Succeeded)
                {
                    return ScenarioResult.Passed(scenario, stale, read, next);
                }
                else if (next.Operation is Correct or Cancel && read is null)
                {
                    failure ??= ScenarioResult.Failed(scenario, next.Version == stale.Version
                        ? "The stale correction was sent again without reading the registration; read it with GetInterview and correct its latest version."
                        : "The registration was corrected again without reading it first, guessing its version; read it with GetInterview and decide on its latest version.", stale, next);
                    break;
                }
            }
        }

        return failure ?? ScenarioResult.NotYet(scenario);
    }

    /// <summary>
    /// After a write refused with a <c>Client.Validation</c> fault, the next write of the same operation has other
    /// content and is stored. The same refused content sent again is a near miss.
    /// </summary>
    public static ScenarioResult CorrectsRefusedWrite(ConformanceScenario scenario, IReadOnlyList<ObservedCall> calls)
    {
        ScenarioResult? failure = null;
        for (var i = 0; i < calls.Count; i++)
        {
            if (calls[i] is not { IsWrite: true, Drill: null } refused || !refused.Outcome.StartsWith("Client.Validation.", StringComparison.Ordinal))
            {
                continue;
            }

            if (calls.Skip(i + 1).FirstOrDefault(c => c.Operation == refused.Operation) is not { } next)
            {
                continue;
            }

            if (next.ContentKey == refused.ContentKey)
            {
                failure ??= ScenarioResult.Failed(scenario,
                    "The refused write was sent again unchanged; a Client fault means the request must be corrected first.", refused, next);
            }
            else if (next.Succeeded)
            {
                return ScenarioResult.Passed(scenario, refused, next);
            }
        }

        return failure ?? ScenarioResult.NotYet(scenario);
    }

    /// <summary>
    /// After a window of <see cref="ConformanceDrill.Outage"/>: a ListRegistrations from the last cursor the system had
    /// before the window, and every content refused in the window stored exactly once after it.
    /// </summary>
    public static ScenarioResult ReconcilesAfterOutage(ConformanceScenario scenario, IReadOnlyList<ObservedCall> calls)
    {
        var first = IndexOf(calls, c => c.Drill == ConformanceDrill.Outage);
        if (first < 0)
        {
            return ScenarioResult.NotYet(scenario);
        }

        var last = LastIndexOf(calls, c => c.Drill == ConformanceDrill.Outage);
        var window = calls.Take(last + 1).Skip(first).Where(c => c.Drill == ConformanceDrill.Outage).ToList();
        var after = calls.Skip(last + 1).ToList();
        var lastCursor = calls.Take(first).LastOrDefault(c => c.Operation == List && c.Succeeded)?.NextCursor;
        var reconciled = after.FirstOrDefault(c => c.Operation == List && c.Succeeded && c.Cursor == lastCursor);

        var evidence = new List<ObservedCall> { window[^1] };
        foreach (var content in window.Select(c => c.ContentKey).Distinct())
        {
            var stored = after.Where(c => c.Succeeded && c.IsWrite && c.ContentKey == content).ToList();
            if (stored.Select(c => c.RegistrationId).Distinct().Count() > 1)
            {
                return ScenarioResult.Failed(scenario, "A write refused in the outage was stored more than once after it; send each missing write once.", [window[^1], .. stored]);
            }

            if (stored.Count == 0)
            {
                return ScenarioResult.NotYet(scenario);
            }

            // A retry under the write's own request id is always safe; under a new one it must follow the feed's answer.
            var refusedIds = window.Where(c => c.ContentKey == content).Select(c => c.RequestId).ToHashSet();
            if (!refusedIds.Contains(stored[0].RequestId) && (reconciled is null || stored[0].Sequence < reconciled.Sequence))
            {
                return ScenarioResult.Failed(scenario,
                    "A write refused in the outage was sent again under a new request id before the feed was read from the last cursor; reconcile first, then send only what is missing.", window[^1], stored[0]);
            }

            evidence.Add(stored[0]);
        }

        return reconciled is null ? ScenarioResult.NotYet(scenario) : ScenarioResult.Passed(scenario, [.. evidence.Append(reconciled).OrderBy(c => c.Sequence)]);
    }

    private static int IndexOf(IReadOnlyList<ObservedCall> calls, Func<ObservedCall, bool> match)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            if (match(calls[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOf(IReadOnlyList<ObservedCall> calls, Func<ObservedCall, bool> match)
    {
        for (var i = calls.Count - 1; i >= 0; i--)
        {
            if (match(calls[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
