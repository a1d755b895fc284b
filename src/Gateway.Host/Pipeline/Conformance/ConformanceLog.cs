namespace Gateway.Host.Pipeline.Conformance;

/// <summary>The conformance stage's log messages.</summary>
internal sealed partial class ConformanceLog(ILogger<ConformanceLog> logger)
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "A Test call (correlation id {CorrelationId}) was answered but not recorded for conformance")]
    public partial void NotRecorded(string correlationId, Exception exception);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug, Message = "A Test call (correlation id {CorrelationId}) was answered but not recorded for conformance: the database cannot be reached")]
    public partial void NotRecordedInOutage(string correlationId);

    // A drill's Server.Unavailable is the Test environment's doing, on purpose: Information, never the Error of a real failure.
    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Call {CorrelationId}: conformance drill {Drill} (Test environment, on purpose)")]
    public partial void Drilled(string correlationId, Gateway.Domain.Conformance.ConformanceDrill drill);
}
