using System.Diagnostics.Metrics;
using Gateway.Data.Database;
using Gateway.Domain.AccessLog;

namespace Gateway.Data.AccessLog;

/// <summary>
/// Records the entries of concurrent calls together (<see cref="GroupCommit{TWork, TResult}"/>): a caller's task
/// completes only once its entries are committed, and fails with the insert, so a read still returns data only after
/// its entry is stored; under load many reads share one commit instead of paying one each. A lone call waits for
/// exactly one commit, as with <see cref="AccessLogStore"/>.
/// </summary>
public sealed class GroupCommittedAccessLog : IAccessLog, IAsyncDisposable
{
    /// <summary>The most entries one insert takes; what is left waits for the next.</summary>
    public const int MaxEntriesPerCommit = 5000;

    private static readonly Histogram<int> EntriesPerCommit = DataTelemetry.Meter.CreateHistogram("gateway.access_log.commit.entries", "{entry}",
        "Access-log entries written by one commit of the group commit (reads of concurrent calls share a commit).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 5000] });

    private readonly GroupCommit<IReadOnlyList<AccessEntry>, bool> _commits;

    /// <summary>Group-commits through <paramref name="store"/>.</summary>
    public GroupCommittedAccessLog(AccessLogStore store) =>
        _commits = new(async batch =>
        {
            await store.RecordAsync([.. batch.SelectMany(item => item.Work)], CancellationToken.None);
            foreach (var item in batch)
            {
                item.Succeed(true);
            }
        }, "access_log", entries => entries.Count, MaxEntriesPerCommit, EntriesPerCommit);

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<AccessEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : _commits.CommitAsync(entries, cancellationToken);

    /// <summary>Stops taking entries and waits until everything queued is committed or has failed.</summary>
    public ValueTask DisposeAsync() => _commits.DisposeAsync();
}
