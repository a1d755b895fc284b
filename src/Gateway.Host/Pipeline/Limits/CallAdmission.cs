using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Pipeline.Limits;

/// <summary>The working places of <see cref="LoadSheddingMiddleware"/>, one limiter for the process; its counts are gauges.</summary>
internal sealed class CallAdmission(IOptions<CallLimits> limits) : IDisposable
{
    private readonly TimeSpan _queueWait = TimeSpan.FromMilliseconds(limits.Value.MaxQueueMilliseconds);
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = limits.Value.MaxConcurrent,
        QueueLimit = limits.Value.MaxQueued,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Calls being worked on now.</summary>
    public long Active => limits.Value.MaxConcurrent - (_limiter.GetStatistics()?.CurrentAvailablePermits ?? 0);

    /// <summary>Calls waiting for a place now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>A place, or a lease that is not acquired when the queue is full or the wait too long; throws when <paramref name="cancellationToken"/> ends the wait.</summary>
    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellationToken)
    {
        var now = _limiter.AttemptAcquire();
        if (now.IsAcquired)
        {
            return now;
        }

        now.Dispose();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_queueWait);
        try
        {
            return await _limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FailedLease.Instance;
        }
    }

    public void Dispose() => _limiter.Dispose();

    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
