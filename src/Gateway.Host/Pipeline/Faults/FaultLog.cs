using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline.Faults;

/// <summary>Log events of the fault stage. Client refusals at Information, server failures at Error with the exception.</summary>
/// <remarks>Nothing here names a CPR number: the refusal's texts and field paths never hold one.</remarks>
internal sealed partial class FaultLog(ILogger<FaultLog> logger)
{
    public void Refused(SoapCall call, Refusal refusal, Exception? exception)
    {
        if (refusal.Code.IsClientFault)
        {
            ClientRefused(call.CorrelationId, call.Operation?.Name ?? "-", refusal.Code.Value, refusal.Fields.Count);
        }
        else
        {
            ServerFailed(exception, call.CorrelationId, call.Operation?.Name ?? "-", refusal.Code.Value);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Refused call {CorrelationId} to {Operation}: {FaultCode} ({FieldErrors} field errors)")]
    private partial void ClientRefused(string correlationId, string operation, string faultCode, int fieldErrors);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Call {CorrelationId} to {Operation} failed: {FaultCode}")]
    private partial void ServerFailed(Exception? exception, string correlationId, string operation, string faultCode);
}
