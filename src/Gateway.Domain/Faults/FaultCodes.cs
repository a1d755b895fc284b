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

    /// <summary>The Content-Type is not a SOAP 1.1 or SOAP 1.2 media type, or the body has a content or transfer coding the gateway does not read.</summary>
    public static readonly FaultCode UnsupportedMediaType = new(
        "Client.Request.UnsupportedMediaType", false,
        "Send the request as SOAP: Content-Type text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2), with no Content-Encoding and no Transfer-Encoding but chunked.");

    /// <summary>The body is not well-formed XML.</summary>
    public static readonly FaultCode MalformedXml = new(
        "Client.Request.MalformedXml", false,
        "The request body is not well-formed XML.");

    /// <summary>The body's encoding is not UTF-8 or UTF-16 with a byte-order mark, or its XML declaration, byte-order mark and charset disagree.</summary>
    public static readonly FaultCode UnsupportedEncoding = new(
        "Client.Request.UnsupportedEncoding", false,
        "Send the request as UTF-8 (or UTF-16 with a byte-order mark); an encoding in the XML declaration or a charset in the Content-Type, if given, must name that same encoding.");

    /// <summary>The message exceeds a structural limit of the envelope stage (depth, attributes, namespace declarations, name length).</summary>
    public static readonly FaultCode LimitExceeded = new(
        "Client.Request.LimitExceeded", false,
        "The message exceeds a structural limit of the gateway (nesting depth, attributes per element, namespace declarations or name length); see the field error.");

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

    /// <summary>The call came without a client certificate.</summary>
    public static readonly FaultCode CertificateRequired = new(
        "Client.Authentication.CertificateRequired", false,
        "Call over HTTPS with the client certificate registered for your IT system.");

    /// <summary>The client certificate does not chain to a certificate authority the gateway trusts.</summary>
    public static readonly FaultCode CertificateUntrusted = new(
        "Client.Authentication.CertificateUntrusted", false,
        "The client certificate is not issued by a certificate authority this gateway trusts.");

    /// <summary>The client certificate is not registered for any IT system.</summary>
    public static readonly FaultCode CertificateUnknown = new(
        "Client.Authentication.CertificateUnknown", false,
        "The client certificate is not registered; an operator registers it with 'gatewayctl certificates add'.");

    /// <summary>The client certificate has been revoked by an operator.</summary>
    public static readonly FaultCode CertificateRevoked = new(
        "Client.Authentication.CertificateRevoked", false,
        "The client certificate has been revoked; call with a current certificate registered for your IT system.");

    /// <summary>The client certificate is outside its validity period.</summary>
    public static readonly FaultCode CertificateExpired = new(
        "Client.Authentication.CertificateExpired", false,
        "The client certificate is expired or not yet valid; register and use a current one.");

    /// <summary>The SOAP header has no call context.</summary>
    public static readonly FaultCode CallContextMissing = new(
        "Client.CallContext.Missing", false,
        "Every call needs the CallContext SOAP header: agreement id, acting authority, principal when acting for one, case worker or system call, and call id.");

    /// <summary>The call context header is not valid against the published XSD, or breaks the rules for its identifiers.</summary>
    public static readonly FaultCode CallContextInvalid = new(
        "Client.CallContext.Invalid", false,
        "The CallContext SOAP header is not valid against the published XSD or breaks the rules for its identifiers; see the field errors.");

    /// <summary>No agreement with that id exists for the calling IT system.</summary>
    public static readonly FaultCode AgreementNotFound = new(
        "Client.AccessDenied.AgreementNotFound", false,
        "No connection agreement with this id exists for the IT system of the client certificate.");

    /// <summary>The agreement has not been approved (requested or rejected).</summary>
    public static readonly FaultCode AgreementNotApproved = new(
        "Client.AccessDenied.AgreementNotApproved", false,
        "The connection agreement has not been approved; an operator approves it with 'gatewayctl agreements approve'.");

    /// <summary>The agreement is suspended.</summary>
    public static readonly FaultCode AgreementSuspended = new(
        "Client.AccessDenied.AgreementSuspended", false,
        "The connection agreement is suspended; contact the operator to have it resumed.");

    /// <summary>The agreement is terminated.</summary>
    public static readonly FaultCode AgreementTerminated = new(
        "Client.AccessDenied.AgreementTerminated", false,
        "The connection agreement is terminated; a new agreement is needed.");

    /// <summary>The agreement's end date has passed.</summary>
    public static readonly FaultCode AgreementExpired = new(
        "Client.AccessDenied.AgreementExpired", false,
        "The connection agreement has expired; a new agreement is needed.");

    /// <summary>The agreement's start date has not come yet.</summary>
    public static readonly FaultCode AgreementNotYetValid = new(
        "Client.AccessDenied.AgreementNotYetValid", false,
        "The connection agreement is not valid yet; it admits calls from its start date.");

    /// <summary>The agreement is for another environment (Test or Production) than this gateway's.</summary>
    public static readonly FaultCode WrongEnvironment = new(
        "Client.AccessDenied.WrongEnvironment", false,
        "The connection agreement is for another environment than this gateway's (Test or Production).");

    /// <summary>The operation is not among the agreement's operations.</summary>
    public static readonly FaultCode OperationNotInAgreement = new(
        "Client.AccessDenied.OperationNotInAgreement", false,
        "The connection agreement does not cover this operation.");

    /// <summary>The acting authority in the call context is not the agreement's authority.</summary>
    public static readonly FaultCode AuthorityNotInAgreement = new(
        "Client.AccessDenied.AuthorityNotInAgreement", false,
        "The acting authority in the call context is not the authority of the connection agreement.");

    /// <summary>The principal is missing, not one of the agreement's principals, or given where no principal belongs.</summary>
    public static readonly FaultCode NotActingForPrincipal = new(
        "Client.AccessDenied.NotActingForPrincipal", false,
        "The principal in the call context is not one the agreement lets this other actor act for (or a principal was given where none belongs).");

    /// <summary>The agreement does not cover the case type of the registration.</summary>
    public static readonly FaultCode CaseTypeNotAllowed = new(
        "Client.AccessDenied.CaseTypeNotAllowed", false,
        "The connection agreement does not cover registrations of this case type.");

    /// <summary>The citizen is outside the agreement's read scope, or unknown: the answer does not tell which.</summary>
    public static readonly FaultCode OutsideReadScope = new(
        "Client.AccessDenied.OutsideReadScope", false,
        "The connection agreement's read scope does not cover this citizen.");

    /// <summary>The agreement's supervision scope does not cover the authority asked about (contract 1.4).</summary>
    public static readonly FaultCode OutsideSupervisionScope = new(
        "Client.AccessDenied.OutsideSupervisionScope", false,
        "The connection agreement's supervision scope does not cover this authority: it reads the figures of the authority it calls for only.");

    /// <summary>An overdue list with CPR numbers was asked for under an agreement that does not carry that scope (contract 1.4).</summary>
    public static readonly FaultCode CprNotInScope = new(
        "Client.AccessDenied.CprNotInScope", false,
        "The connection agreement does not let the overdue list name CPR numbers; ask without IncludeCpr for the list with masked numbers.");

    /// <summary>The request id was used before, by the same agreement, for a write with other content.</summary>
    public static readonly FaultCode RequestIdReused = new(
        "Client.Conflict.RequestIdReused", false,
        "This request id was used before for a write with other content; use a new request id for a new write, and the same one only to retry the same write.");

    /// <summary>A correction or cancellation quoted a version that is no longer the registration's latest.</summary>
    public static readonly FaultCode StaleVersion = new(
        "Client.Conflict.StaleVersion", false,
        "The registration has changed since the version given; nothing was stored. Read it again with GetInterview and decide on the latest version.");

    /// <summary>A correction or cancellation of a registration that is already cancelled.</summary>
    public static readonly FaultCode RegistrationCancelled = new(
        "Client.Conflict.RegistrationCancelled", false,
        "The registration is cancelled; it can be neither corrected nor cancelled again. Register the interview anew if it took place.");

    /// <summary>No registration with the id that the caller may see or change: the answer does not tell whether one exists.</summary>
    public static readonly FaultCode RegistrationNotFound = new(
        "Client.NotFound.Registration", false,
        "There is no registration with this id that the caller may change or read.");

    /// <summary>
    /// The data store cannot be reached or is overloaded. A write may or may not have been stored (the store can commit
    /// after the gateway gave up waiting); its retry under the same request id settles which, and never stores twice.
    /// </summary>
    public static readonly FaultCode StoreUnavailable = new(
        "Server.Unavailable", true,
        "The gateway cannot reach its data store right now. A write may or may not have been stored: send the same request again later, with the same RequestId, and it is stored once.");

    /// <summary>
    /// The gateway is working on as many calls as it takes and its queue is full (or the call waited in it too long): the
    /// call was shed before anything of it was done, so nothing was stored.
    /// </summary>
    public static readonly FaultCode Busy = new(
        "Server.Busy", true,
        "The gateway is busy and did not take this call; nothing of it was done. Send the same request again in a second or two (the HTTP Retry-After header says when).");

    /// <summary>Something unexpected went wrong. As with <see cref="StoreUnavailable"/>, a write's retry under its request id settles whether it was stored.</summary>
    public static readonly FaultCode Internal = new(
        "Server.Internal", true,
        "The gateway failed unexpectedly. Send the same request again later (a write with the same RequestId is stored once), and quote the correlation id if it persists.");

    /// <summary>Every code in the catalogue.</summary>
    public static IReadOnlyList<FaultCode> All { get; } =
    [
        RequestTooLarge, UnsupportedMediaType, UnsupportedEncoding, MalformedXml, LimitExceeded, DtdNotAllowed, NotSoapEnvelope, EnvelopeVersionMismatch, HeaderNotUnderstood, UnknownOperation,
        ActionMismatch, SchemaViolation, RuleViolation,
        CertificateRequired, CertificateUntrusted, CertificateUnknown, CertificateRevoked, CertificateExpired,
        CallContextMissing, CallContextInvalid,
        AgreementNotFound, AgreementNotApproved, AgreementSuspended, AgreementTerminated, AgreementExpired, AgreementNotYetValid,
        WrongEnvironment, OperationNotInAgreement, AuthorityNotInAgreement, NotActingForPrincipal, CaseTypeNotAllowed, OutsideReadScope,
        OutsideSupervisionScope, CprNotInScope,
        RequestIdReused, StaleVersion, RegistrationCancelled, RegistrationNotFound,
        StoreUnavailable, Busy, Internal,
    ];
}
