using Gateway.Benchmarks.Load;
using Gateway.Benchmarks.Requests;
using Gateway.Benchmarks.Sealing;

namespace Gateway.Benchmarks.Report;

/// <summary>
/// The notes that explain the gateway scenarios whose work changed or was added with the access log and the reconciliation
/// feed, one each. Numbers format invariantly (InvariantGlobalization is on).
/// </summary>
internal static class ScenarioNotes
{
    public static IEnumerable<string> For(IReadOnlyList<ScenarioResult> results, RunFacts facts)
    {
        if (Find(results, BenchmarkRun.GatewayRegister) is not null)
        {
            yield return $"{Short(BenchmarkRun.GatewayRegister)}: each registration also writes its access-log entry, in the same statement as the " +
                "version and the request id.";
        }

        if (Find(results, BenchmarkRun.GatewayRead) is not null)
        {
            yield return $"{Short(BenchmarkRun.GatewayRead)}: each read commits its access-log entry before it answers, so every read is also a durable write.";
        }

        if (Find(results, BenchmarkRun.GatewayCorrect) is not null)
        {
            yield return $"{Short(BenchmarkRun.GatewayCorrect)}: each request corrects another registration from version 1 under a new request id " +
                "(docs/samples/CorrectInterview.xml): it reads the history, then writes version, request id and access-log entry in one statement. " +
                $"{facts.RegistrationsToCorrect:N0} registrations were prepared beforehand, not measured " +
                $"({(facts.RegisteredToCorrect > 0 ? $"{facts.RegisteredToCorrect:N0} registered for it, the rest" : "all")} left by RegisterInterview).";
        }

        if (Find(results, BenchmarkRun.GatewayList) is { } list)
        {
            yield return $"{Short(BenchmarkRun.GatewayList)}: each worker follows NextCursor through the sandbox authority's {facts.FeedVersions:N0} " +
                $"versions in pages of {RegistrationPageRequests.PageSize}, starting again when More is false: {list.EntriesPerSecond:N0} entries/s " +
                $"({(list.Requests > 0 ? (double)list.Entries / list.Requests : 0):0.#} per page). Each page records an access-log entry per citizen on it.";
        }

        if (facts.Telemetry is { } telemetry)
        {
            yield return telemetry;
        }

        if (facts.Sealer is { } sealer)
        {
            var fastest = facts.AccessLogWrites.MaxBy(w => w.EntriesPerSecond);
            yield return "Access-log sealer: one AccessLogSealer.SealAsync pass, with the gateway stopped, sealed " +
                (sealer.FreshBatch
                    ? $"{sealer.Entries:N0} entries recorded for this measurement (the gateway's background sealer had kept up with the run)"
                    : $"the {sealer.Entries:N0} entries the run had left unsealed") +
                $" in {sealer.Seconds:0.00} s: {sealer.EntriesPerSecond:N0} entries/s. The run wrote {sealer.Written:N0} entries; " +
                (sealer.SealedInBackground > 0
                    ? $"the gateway's background sealer had sealed {sealer.SealedInBackground:N0} of them when the load ended"
                    : "the gateway sealed none in the background") +
                (fastest is null ? "." : Fastest(fastest, sealer));
        }
    }

    // The rate the sealer must keep up with, and whether the gateway's own sealer did under it.
    private static string Fastest(AccessLogWrites fastest, SealerResult sealer) =>
        $". The fastest writer, {Short(fastest.Scenario)}, wrote {fastest.EntriesPerSecond:N0} entries/s (warm-up included)" +
        (sealer.SealedInBackground > 0
            ? $" and left {fastest.UnsealedAtEnd:N0} unsealed when it ended, {fastest.UnsealedAtEnd / fastest.EntriesPerSecond:0.0} s of its writes"
            : "") +
        $"; the timed sealer, alone on the machine, sealed {sealer.EntriesPerSecond / fastest.EntriesPerSecond:0.0} times that rate.";

    private static ScenarioResult? Find(IReadOnlyList<ScenarioResult> results, string name) => results.FirstOrDefault(r => r.Name == name);

    // The scenario's name up to its transport ("gateway ListRegistrations (pages of 100)"), to read well inside a sentence.
    private static string Short(string name) => name.Split(", ")[0];
}
