namespace Gateway.Host.Pipeline.Limits;

/// <summary>Log events of the deadline and load stages.</summary>
internal sealed partial class LimitsLog(ILogger<LimitsLog> logger)
{
    /// <summary>A call ended because its caller went away; <paramref name="ended"/> is what the stage in progress threw (only its type is logged).</summary>
    public void CallerGone(string correlationId, string operation, Exception ended)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var name = ended.GetType().Name;
            CallerGoneLog(correlationId, operation, name);
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Call {CorrelationId} to {Operation} ended without an answer: the caller went away ({Ended})")]
    private partial void CallerGoneLog(string correlationId, string operation, string ended);
}
