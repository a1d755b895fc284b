namespace Gateway.Host.Pipeline.Envelope;

/// <summary>Log events of the envelope stage.</summary>
internal sealed partial class EnvelopeLog(ILogger<EnvelopeLog> logger)
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Call {CorrelationId}: the request body is not a well-formed HTTP body (HTTP {Status}); the connection is closed")]
    public partial void BodyUnreadable(string correlationId, int status);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "Call {CorrelationId}: the request body never arrived whole ({Why}); nothing is answered")]
    public partial void BodyNotWhole(string correlationId, string why);
}
