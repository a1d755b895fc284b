using System.Diagnostics;
using Gateway.Data.Supervision;
using Gateway.Domain.Supervision;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// The supervision calls measured at each size, through <see cref="SupervisionStore"/> as gatewayctl and the SOAP
/// operations call it: the report of the mid-size municipality and of the largest one for the last whole calendar year,
/// the overview of every authority for that year, and the mid-size municipality's overdue list today, first page of 100
/// and a page of 100 at 90 % of the list. Each is run up to its number of times, or until its time budget is spent, in a
/// fresh connection pool after the load; the first run is kept apart (it pays for the plans and for reading the pages
/// into PostgreSQL's buffers from the operating system's cache, which is warm after the load).
/// </summary>
internal sealed class SupervisionScenarios(SupervisionStore store, ScaleAuthorities authorities, DateOnly from, DateOnly to, DateOnly today, TextWriter output)
{
    private const int PageSize = 100;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(150);

    public async Task<IReadOnlyList<ScenarioTimes>> MeasureAsync(CancellationToken cancellationToken)
    {
        var overdue = SupervisionFigures.DefaultOverdueAfterMonths;
        var mid = authorities.MidSize;
        var largest = authorities.Largest;
        var results = new List<ScenarioTimes>();
        var deep = await DeepCursorAsync(mid, cancellationToken);
        results.Add(await RunAsync($"report, mid-size municipality ({mid.Name}, {mid.Authority.Code}), {from.Year}", 10, async () =>
            Describe(await store.ReportAsync(mid.Authority, from, to, overdue, 3, cancellationToken)), cancellationToken));
        results.Add(await RunAsync($"report, largest municipality ({largest.Name}, {largest.Authority.Code}), {from.Year}", 5, async () =>
            Describe(await store.ReportAsync(largest.Authority, from, to, overdue, 3, cancellationToken)), cancellationToken));
        results.Add(await RunAsync($"overview, all {authorities.All.Count} municipalities and units, {from.Year}", 3, async () =>
        {
            var lines = await store.OverviewAsync(from, to, overdue, cancellationToken);
            return $"{lines.Count} lines, {lines.Sum(l => l.Interviews):N0} interviews, {lines.Sum(l => l.Overdue.Count):N0} overdue";
        }, cancellationToken));
        results.Add(await RunAsync($"overdue list, mid-size municipality, first page of {PageSize}", 10, async () =>
            Describe(await store.OverdueCitizensAsync(mid.Authority, today, overdue, null, PageSize, cancellationToken)), cancellationToken));
        results.Add(await RunAsync($"overdue list, mid-size municipality, page of {PageSize} at 90 % of the list", 10, async () =>
            $"from {deep.Position:N0}: {Describe(await store.OverdueCitizensAsync(mid.Authority, today, overdue, deep.Cursor, PageSize, cancellationToken))}", cancellationToken));
        results.Add(await RunAsync($"overdue list, largest municipality, first page of {PageSize}", 5, async () =>
            Describe(await store.OverdueCitizensAsync(largest.Authority, today, overdue, null, PageSize, cancellationToken)), cancellationToken));
        return results;
    }

    // The cursor 90 % into the mid-size municipality's overdue list, found by one unmeasured page of that many.
    private async Task<(OverdueCursor? Cursor, int Position)> DeepCursorAsync(ScaleAuthorities.Responsible authority, CancellationToken cancellationToken)
    {
        var first = await store.OverdueCitizensAsync(authority.Authority, today, SupervisionFigures.DefaultOverdueAfterMonths, null, 1, cancellationToken);
        var position = Math.Max(1, (int)(first.Total * 0.9));
        var skip = await store.OverdueCitizensAsync(authority.Authority, today, SupervisionFigures.DefaultOverdueAfterMonths, null, position, cancellationToken);
        return (skip.Next, position);
    }

    private async Task<ScenarioTimes> RunAsync(string name, int times, Func<Task<string>> scenario, CancellationToken cancellationToken)
    {
        output.Write($"  {name,-70} ");
        var runs = new List<double>();
        var spent = Stopwatch.StartNew();
        var answer = "";
        while (runs.Count < times && (runs.Count == 0 || spent.Elapsed < Budget))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            answer = await scenario();
            runs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var result = new ScenarioTimes(name, runs, answer);
        output.WriteLine($"first {result.FirstMilliseconds,9:N1} ms  p50 {result.P50Milliseconds,9:N1} ms  max {result.MaxMilliseconds,9:N1} ms  ({runs.Count} runs)  {answer}");
        return result;
    }

    private static string Describe(SupervisionReport report) =>
        $"{report.Interviews:N0} interviews, {report.CitizensInCourse:N0} in course, {report.OverdueCitizens:N0} overdue, {report.Late.Count:N0} late";

    private static string Describe(OverduePage page) => $"{page.Citizens.Count} of {page.Total:N0}";
}

/// <summary>The times of one scenario's runs, in milliseconds, in the order run, and what the last run answered.</summary>
internal sealed record ScenarioTimes(string Name, IReadOnlyList<double> Milliseconds, string Answer)
{
    public double FirstMilliseconds => Milliseconds[0];

    /// <summary>The median of the runs after the first (of the first alone when there is no other).</summary>
    public double P50Milliseconds => Median(Milliseconds.Count > 1 ? Milliseconds.Skip(1) : Milliseconds);

    public double MaxMilliseconds => (Milliseconds.Count > 1 ? Milliseconds.Skip(1) : Milliseconds).Max();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
