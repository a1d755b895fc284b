using System.Xml.Linq;
using Gateway.Domain.Faults;

namespace Gateway.Host.Pipeline;

/// <summary>What the pipeline stages learn about one SOAP call, kept in the request's features.</summary>
internal sealed class SoapCall(string correlationId)
{
    /// <summary>The id quoted in every fault and in the <c>X-Correlation-Id</c> response header.</summary>
    public string CorrelationId { get; } = correlationId;

    /// <summary>The SOAP version, from the Content-Type (SOAP 1.1 until known).</summary>
    public SoapVersion Version { get; set; } = SoapVersion.Soap11;

    /// <summary>The action the caller gave (SOAPAction header or the <c>action</c> media-type parameter), unquoted; empty when none.</summary>
    public string RequestedAction { get; set; } = "";

    /// <summary>Every CallContext header block of the message, whatever its actor or role; empty when there is none.</summary>
    public IReadOnlyList<XElement> CallContexts { get; set; } = [];

    /// <summary>The IT system the client certificate is registered for, once identified.</summary>
    public Guid ItSystemId { get; set; }

    /// <summary>The caller's agreement, once known to be its system's (usage is counted against it, refused or not).</summary>
    public Guid? AgreementId { get; set; }

    /// <summary>The agreement and call context that admit the call, once authorized.</summary>
    public Authorize.Admission? Admission { get; set; }

    /// <summary>The size of the request body once the envelope stage has read it whole; null before (or when it was too large).</summary>
    public long? RequestBytes { get; set; }

    /// <summary>The first element of the SOAP body, as parsed once by the envelope stage: what is validated is what is dispatched.</summary>
    public XElement? Payload { get; set; }

    /// <summary>The operation resolved from the payload.</summary>
    public ServiceOperation? Operation { get; set; }

    /// <summary>
    /// What must happen right before the operation runs, once every check has admitted the call (the StaleVersion
    /// drill's own correction); null for nothing. The dispatch stage runs it.
    /// </summary>
    public Func<CancellationToken, Task>? BeforeDispatch { get; set; }

    /// <summary>The operation's answer, once the dispatch stage has it.</summary>
    public Soap.OperationResponse? Answer { get; set; }

    /// <summary>The call's deadline, from the deadline stage on (<see cref="Limits.CallDeadline"/>).</summary>
    public Limits.CallDeadline? Deadline { get; set; }

    /// <summary>Whether the caller went away before the call was answered: nobody received an answer, so none is counted.</summary>
    public bool Aborted { get; set; }

    /// <summary>The refusal sent for this call, if any.</summary>
    public Refusal? Refusal { get; set; }
}
