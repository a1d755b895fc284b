using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline.Faults;

/// <summary>
/// Log events of the fault stage. Client refusals at Information; a call answered <c>Server.Unavailable</c> or
/// <c>Server.Busy</c> at Debug without a stack trace (an outage is told once, by <see cref="Hosting.DatabaseAvailability"/>,
/// and an overload by the metrics), so that neither can fill a disk; any other server failure at Error with the exception.
/// </summary>
/// <remarks>Nothing here names a CPR number: the refusal's texts and field paths never hold one.</remarks>
internal sealed partial class FaultLog(ILogger<FaultLog> logger)
{
    public void Refused(SoapCall call, Refusal refusal, Exception? exception)
    {
        var operation = call.Operation?.Name ?? "-";
        if (refusal.Code.IsClientFault)
        {
            ClientRefused(call.CorrelationId, operation, refusal.Code.Value, refusal.Fields.Count);
        }
        else if (refusal.Code == FaultCodes.StoreUnavailable)
        {
            Unavailable(call.CorrelationId, operation, exception?.InnerException?.Message ?? exception?.Message ?? "-");
        }
        else if (refusal.Code == FaultCodes.Busy)
        {
            Shed(call.CorrelationId, operation);
        }
        else
        {
            ServerFailed(exception, call.CorrelationId, operation, refusal.Code.Value);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Refused call {CorrelationId} to {Operation}: {FaultCode} ({FieldErrors} field errors)")]
    private partial void ClientRefused(string correlationId, string operation, string faultCode, int fieldErrors);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Call {CorrelationId} to {Operation} failed: {FaultCode}")]
    private partial void ServerFailed(Exception? exception, string correlationId, string operation, string faultCode);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Call {CorrelationId} to {Operation} answered Server.Unavailable: {Reason}")]
    private partial void Unavailable(string correlationId, string operation, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Call {CorrelationId} to {Operation} shed: Server.Busy")]
    private partial void Shed(string correlationId, string operation);
}
