namespace Gateway.Host.Pipeline;

/// <summary>The two SOAP versions the gateway speaks, with what tells them apart on the wire.</summary>
internal sealed record SoapVersion(string Name, string EnvelopeNamespace, string MediaType, string SenderFaultCode, string ReceiverFaultCode)
{
    /// <summary>SOAP 1.1: <c>text/xml</c>, action in the SOAPAction header, fault codes Client/Server.</summary>
    public static readonly SoapVersion Soap11 = new("SOAP 1.1", "http://schemas.xmlsoap.org/soap/envelope/", "text/xml", "Client", "Server");

    /// <summary>SOAP 1.2: <c>application/soap+xml</c>, action as a media-type parameter, fault codes Sender/Receiver.</summary>
    public static readonly SoapVersion Soap12 = new("SOAP 1.2", "http://www.w3.org/2003/05/soap-envelope", "application/soap+xml", "Sender", "Receiver");

    /// <summary>The version a Content-Type announces, or null when it is not a SOAP media type.</summary>
    public static SoapVersion? FromMediaType(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "text/xml" => Soap11,
        "application/soap+xml" => Soap12,
        _ => null,
    };

    /// <summary>The version of an envelope namespace, or null.</summary>
    public static SoapVersion? FromEnvelopeNamespace(string ns) =>
        ns == Soap11.EnvelopeNamespace ? Soap11 : ns == Soap12.EnvelopeNamespace ? Soap12 : null;
}
