using System.Threading.RateLimiting;
using Gateway.Domain.Faults;
using Gateway.Host.Pipeline.Faults;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Pipeline.Limits;

/// <summary>
/// The load stage, once a call's body is whole and before anything touches the database for it: at most
/// <see cref="CallLimits.MaxConcurrent"/> calls are worked on at once, at most <see cref="CallLimits.MaxQueued"/> more
/// wait for a place, each no longer than <see cref="CallLimits.MaxQueueMilliseconds"/>, oldest first. A call beyond that
/// is answered <c>Server.Busy</c> with <c>Retry-After: 1</c> at once, with nothing of it done; so an overload queues
/// boundedly instead of without end, and the calls let in keep their latency.
/// </summary>
internal sealed class LoadSheddingMiddleware(RequestDelegate next, CallAdmission admission)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { } call)
        {
            await next(context);
            return;
        }

        using var place = await admission.EnterAsync(context.RequestAborted);
        if (!place.IsAcquired)
        {
            context.Response.Headers.RetryAfter = "1";
            await SoapFaultResponse.WriteAsync(context, call, new Refusal(FaultCodes.Busy));
            return;
        }

        await next(context);
    }
}

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
