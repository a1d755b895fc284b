namespace Gateway.Host.Pipeline.Limits;

/// <summary>
/// How long the gateway works on one call, and how many it works on at once (configuration section <c>Gateway:Calls</c>).
/// A call still waiting at its deadline is answered <c>Server.Unavailable</c>; a call that finds every working place taken
/// and the queue full, or waits in the queue past <see cref="MaxQueueMilliseconds"/>, is answered <c>Server.Busy</c> before
/// anything of it is done.
/// </summary>
public sealed class CallLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Calls";

    /// <summary>
    /// Seconds a call may wait for the database, counted from its arrival and again from the moment its body is whole (the
    /// body's own bound is <c>Gateway:Envelope:MaxBodySeconds</c>). Default 10: well inside the timeouts of the clients
    /// partners use (WCF's default is 60 s), and far above what any operation needs (docs/performance.md).
    /// </summary>
    public int DeadlineSeconds { get; set; } = 10;

    /// <summary>
    /// Calls worked on at once, once their bodies are whole. Default 64: four times the default database pool, since much
    /// of a call is spent off the database (TLS, parsing, validation).
    /// </summary>
    public int MaxConcurrent { get; set; } = 64;

    /// <summary>Calls that may wait for a working place when all are taken. Default 64; 0 sheds at once.</summary>
    public int MaxQueued { get; set; } = 64;

    /// <summary>Milliseconds a call may wait for a working place before it is shed. Default 1000.</summary>
    public int MaxQueueMilliseconds { get; set; } = 1000;

    /// <summary>The deadline as a span.</summary>
    public TimeSpan Deadline => TimeSpan.FromSeconds(DeadlineSeconds);
}
