using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Gateway.Domain.AccessLog;

namespace Gateway.Data.AccessLog;

/// <summary>
/// Records the entries of concurrent calls together (group commit): while one insert commits, the entries that arrive
/// meanwhile wait and go into the next one. A caller's task completes only once its entries are committed, and fails
/// with the insert, so a read still returns data only after its entry is stored; under load many reads share one
/// commit instead of paying one each. A lone call waits for exactly one commit, as with <see cref="AccessLogStore"/>.
/// </summary>
public sealed class GroupCommittedAccessLog(AccessLogStore store) : IAccessLog, IAsyncDisposable
{
    /// <summary>The most entries one insert takes; what is left waits for the next.</summary>
    public const int MaxEntriesPerCommit = 5000;

    /// <summary>The meter of the group commit's histogram <c>gateway.access_log.commit.entries</c>: how many entries each commit took.</summary>
    public const string MeterName = "Gateway.Data";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<int> EntriesPerCommit = Meter.CreateHistogram("gateway.access_log.commit.entries", "{entry}",
        "Access-log entries written by one commit of the group commit (reads of concurrent calls share a commit).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 5000] });

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _writer;

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<AccessEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        lock (_start)
        {
            _writer ??= Task.Run(WriteAsync, CancellationToken.None);
        }

        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        // A caller that gives up stops waiting; its entries are committed all the same (the call did happen).
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking entries and waits until everything queued is committed or has failed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? writer;
        lock (_start)
        {
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer;
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>();
        Pending? carried = null;
        while (carried is not null || await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var count = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                count = carried.Entries.Count;
                carried = null;
            }

            while (_queue.Reader.TryRead(out var next))
            {
                if (count > 0 && count + next.Entries.Count > MaxEntriesPerCommit)
                {
                    carried = next;
                    break;
                }

                batch.Add(next);
                count += next.Entries.Count;
            }

            try
            {
                EntriesPerCommit.Record(count);
                await store.RecordAsync([.. batch.SelectMany(p => p.Entries)], CancellationToken.None);
                batch.ForEach(p => p.Stored.TrySetResult());
            }
#pragma warning disable CA1031 // Every waiting caller gets the failure; the writer goes on with the next batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Stored.TrySetException(ex));
            }
        }
    }

    private sealed record Pending(IReadOnlyList<AccessEntry> Entries, TaskCompletionSource Stored);
}
