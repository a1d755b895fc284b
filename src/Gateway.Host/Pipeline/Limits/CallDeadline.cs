namespace Gateway.Host.Pipeline.Limits;

/// <summary>
/// One call's deadline: a token cancelled when the caller goes away or when the call has waited longer than
/// <see cref="CallLimits.DeadlineSeconds"/>; the deadline stage makes it the request's <c>RequestAborted</c>, so every
/// stage and store waits on it. It is paused while the body arrives (<see cref="Pause"/>) and starts again in full once
/// the body is whole (<see cref="Renew"/>).
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _either;
    private readonly TimeSpan _limit;

    public CallDeadline(TimeSpan limit, TimeProvider clock, CancellationToken callerGone)
    {
        _limit = limit;
        CallerGone = callerGone;
        _timer = new CancellationTokenSource(limit, clock);
        _either = CancellationTokenSource.CreateLinkedTokenSource(callerGone, _timer.Token);
    }

    /// <summary>Cancelled when the caller has gone or the deadline has passed.</summary>
    public CancellationToken Token => _either.Token;

    /// <summary>The caller's own token: cancelled when the connection was closed or reset.</summary>
    public CancellationToken CallerGone { get; }

    /// <summary>Whether the deadline has passed (and not the caller gone first).</summary>
    public bool Passed => _timer.IsCancellationRequested && !CallerGone.IsCancellationRequested;

    /// <summary>Stops the count while the caller sends its body: that time is not the gateway's to spend (the body has its own bound).</summary>
    public void Pause()
    {
        if (!_timer.IsCancellationRequested)
        {
            _timer.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Starts the count again, in full, once the body is whole.</summary>
    public void Renew()
    {
        if (!_timer.IsCancellationRequested)
        {
            _timer.CancelAfter(_limit);
        }
    }

    public void Dispose()
    {
        _either.Dispose();
        _timer.Dispose();
    }
}
