namespace Gateway.Domain.Faults;

/// <summary>
/// The closed catalogue of fault codes: part of the published contract and listed in <c>docs/faults.md</c>.
/// A code, once published, keeps its meaning; new refusals get new codes.
/// </summary>
public static class FaultCodes
{
    /// <summary>The request body is larger than the gateway accepts.</summary>
    public static readonly FaultCode RequestTooLarge = new(
        "Client.Request.TooLarge", false,
        "The request body is larger than the gateway accepts; send one registration per call.");

    /// <summary>The Content-Type is not a SOAP 1.1 or SOAP 1.2 media type.</summary>
    public static readonly FaultCode UnsupportedMediaType = new(
        "Client.Request.UnsupportedMediaType", false,
        "Send the request as SOAP: Content-Type text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2).");

    /// <summary>The body is not well-formed XML.</summary>
    public static readonly FaultCode MalformedXml = new(
        "Client.Request.MalformedXml", false,
        "The request body is not well-formed XML.");

    /// <summary>The body contains a document type declaration.</summary>
    public static readonly FaultCode DtdNotAllowed = new(
        "Client.Request.DtdNotAllowed", false,
        "The request contains a document type declaration (<!DOCTYPE>); SOAP messages must not have one.");

    /// <summary>The body is XML but not a SOAP envelope with a body.</summary>
    public static readonly FaultCode NotSoapEnvelope = new(
        "Client.Request.NotSoapEnvelope", false,
        "The request is not a SOAP 1.1 or SOAP 1.2 envelope with a Body.");

    /// <summary>The envelope's SOAP version differs from the one the Content-Type announces.</summary>
    public static readonly FaultCode EnvelopeVersionMismatch = new(
        "Client.Request.EnvelopeVersionMismatch", false,
        "The envelope's SOAP version does not match the Content-Type: SOAP 1.1 goes as text/xml, SOAP 1.2 as application/soap+xml.");

    /// <summary>A SOAP header the caller marked mustUnderstand is one the gateway does not process.</summary>
    public static readonly FaultCode HeaderNotUnderstood = new(
        "Client.Request.HeaderNotUnderstood", false,
        "The request has a SOAP header marked mustUnderstand that this gateway does not process; send it without that header.");

    /// <summary>The first element of the SOAP body names no operation of the service.</summary>
    public static readonly FaultCode UnknownOperation = new(
        "Client.Request.UnknownOperation", false,
        "The SOAP body does not start with an operation of this service; see the WSDL for the operations.");

    /// <summary>The SOAPAction names another operation than the body.</summary>
    public static readonly FaultCode ActionMismatch = new(
        "Client.Request.ActionMismatch", false,
        "The SOAPAction does not match the operation in the SOAP body; use the soapAction the WSDL gives for the operation.");

    /// <summary>The message is not valid against the published XSD.</summary>
    public static readonly FaultCode SchemaViolation = new(
        "Client.Validation.SchemaViolation", false,
        "The message is not valid against the published XSD; see the field errors.");

    /// <summary>The message is valid XML but breaks one or more rules of the data basis.</summary>
    public static readonly FaultCode RuleViolation = new(
        "Client.Validation.RuleViolation", false,
        "The request breaks one or more rules of the shared data basis; see the field errors.");

    /// <summary>The data store cannot be reached or is overloaded; the request changed nothing.</summary>
    public static readonly FaultCode StoreUnavailable = new(
        "Server.Unavailable", true,
        "The gateway cannot reach its data store right now; nothing was stored. Retry the same request later.");

    /// <summary>Something unexpected went wrong; the request changed nothing.</summary>
    public static readonly FaultCode Internal = new(
        "Server.Internal", true,
        "The gateway failed unexpectedly; nothing was stored. Retry later, and quote the correlation id if it persists.");

    /// <summary>Every code in the catalogue.</summary>
    public static IReadOnlyList<FaultCode> All { get; } =
    [
        RequestTooLarge, UnsupportedMediaType, MalformedXml, DtdNotAllowed, NotSoapEnvelope, EnvelopeVersionMismatch, HeaderNotUnderstood, UnknownOperation,
        ActionMismatch, SchemaViolation, RuleViolation, StoreUnavailable, Internal,
    ];
}
