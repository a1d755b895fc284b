namespace Gateway.Host.Pipeline.Conformance;

/// <summary>The conformance stage's log messages.</summary>
internal sealed partial class ConformanceLog(ILogger<ConformanceLog> logger)
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "A Test call (correlation id {CorrelationId}) was answered but not recorded for conformance")]
    public partial void NotRecorded(string correlationId, Exception exception);
}
