using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Gateway.Domain.Faults;

namespace Gateway.Data.Database;

/// <summary>
/// Group commit: the work of concurrent callers goes to the database together. One writer takes whatever is queued
/// (up to a bound), commits it in one transaction, and completes each caller's task with its own result; what arrives
/// meanwhile waits for the next commit. A lone caller waits for exactly one commit, so nothing is added when there is
/// no concurrency; under load the callers share commits instead of paying one each.
/// </summary>
/// <typeparam name="TWork">One caller's work.</typeparam>
/// <typeparam name="TResult">What one caller's work came to.</typeparam>
/// <param name="commit">Commits a batch and completes each of its items (an item it leaves open fails with what it threw).</param>
/// <param name="name">What is committed, for the span of each commit (<c>gateway.commit NAME</c>).</param>
/// <param name="weight">How much of the bound one item takes (the access log's entries, one per write).</param>
/// <param name="maxWeight">The most one commit takes; what is left waits for the next.</param>
/// <param name="batchSizes">Records the weight of every commit.</param>
internal sealed class GroupCommit<TWork, TResult>(
    Func<IReadOnlyList<GroupCommit<TWork, TResult>.Item>, Task> commit, string name, Func<TWork, int> weight, int maxWeight, Histogram<int> batchSizes)
    : IAsyncDisposable
{
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _writer;

    /// <summary>Queues <paramref name="work"/> for the next commit; the task completes once that commit has.</summary>
    /// <remarks>A caller that gives up stops waiting; its work is committed all the same (the call did happen).</remarks>
    public Task<TResult> CommitAsync(TWork work, CancellationToken cancellationToken)
    {
        lock (_start)
        {
            if (_writer is null)
            {
                // The writer serves every caller: it must not carry the first one's context (its span, say) for ever.
                using (ExecutionContext.SuppressFlow())
                {
                    _writer = Task.Run(WriteAsync, CancellationToken.None);
                }
            }
        }

        var item = new Item(work, Activity.Current?.Context);
        if (!_queue.Writer.TryWrite(item))
        {
            // Stopping: the store takes nothing more. A call that comes this late gets the retryable fault, not Server.Internal.
            throw new GatewayException(FaultCodes.StoreUnavailable, new ObjectDisposedException(GetType().Name));
        }

        return item.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking work and waits until everything queued is committed or has failed.</summary>
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
        var batch = new List<Item>();
        Item? carried = null;
        while (carried is not null || await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var total = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                total = weight(carried.Work);
                carried = null;
            }

            while (_queue.Reader.TryRead(out var next))
            {
                var size = weight(next.Work);
                if (total > 0 && total + size > maxWeight)
                {
                    carried = next;
                    break;
                }

                batch.Add(next);
                total += size;
            }

            batchSizes.Record(total);
            using var span = Span(batch, total);
            try
            {
                await commit(batch);
                foreach (var item in batch.Where(item => !item.Done.Task.IsCompleted))
                {
                    item.Fail(new InvalidOperationException("The group commit left an item without a result."));
                }
            }
#pragma warning disable CA1031 // Every waiting caller gets the failure; the writer goes on with the next batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(item => item.Fail(ex));
            }
        }
    }

    // The commit's span: a child of the first caller's span and linked to the others', so that each call's trace
    // reaches the SQL that stored its work.
    private Activity? Span(List<Item> batch, int total)
    {
        var callers = batch.Where(item => item.Caller is not null).Select(item => item.Caller!.Value).ToList();
        var span = DataTelemetry.Activities.StartActivity(ActivityKind.Internal,
            parentContext: callers.Count > 0 ? callers[0] : default,
            links: callers.Skip(1).Select(caller => new ActivityLink(caller)),
            name: $"gateway.commit {name}");
        span?.SetTag("gateway.commit.size", total);
        return span;
    }

    /// <summary>One caller's work in a batch, and the task the caller waits on.</summary>
    internal sealed class Item(TWork work, ActivityContext? caller)
    {
        /// <summary>The caller's work.</summary>
        public TWork Work { get; } = work;

        /// <summary>The caller's span when it queued the work, if it was traced.</summary>
        public ActivityContext? Caller { get; } = caller;

        /// <summary>The caller's task (continuations run off the writer).</summary>
        internal TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes the caller's task with <paramref name="result"/> (call only once the commit is durable).</summary>
        public void Succeed(TResult result) => Done.TrySetResult(result);

        /// <summary>Fails the caller's task with <paramref name="failure"/>, unless it has its result already.</summary>
        public void Fail(Exception failure) => Done.TrySetException(failure);
    }
}
