using System.Xml.Linq;

namespace Gateway.Host.Pipeline.Envelope;

/// <summary>
/// Which SOAP header blocks are addressed to the gateway, and which of those demand to be understood, as SOAP says:
/// SOAP 1.1 § 4.2.2-4.2.3 (<c>actor</c>, <c>mustUnderstand</c> "0"/"1") and SOAP 1.2 part 1 § 5.2.2-5.2.3 (<c>role</c>,
/// <c>mustUnderstand</c> of type xs:boolean). Attribute values are read with XML Schema's whitespace rules, so
/// <c>" 1 "</c> and <c>"true"</c> are a demand.
/// </summary>
internal static class HeaderBlocks
{
    private const string Soap11Next = "http://schemas.xmlsoap.org/soap/actor/next";
    private const string Soap12Next = "http://www.w3.org/2003/05/soap-envelope/role/next";
    private const string Soap12UltimateReceiver = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

    /// <summary>What a header block's <c>mustUnderstand</c> says.</summary>
    public enum Demand
    {
        /// <summary>Absent or false: the block may be ignored.</summary>
        None,

        /// <summary>True: the block must be processed, or the message refused.</summary>
        MustUnderstand,

        /// <summary>Not a boolean at all.</summary>
        Invalid,
    }

    /// <summary>
    /// Whether the gateway plays the role the block is addressed to. The gateway is both the next node and the ultimate
    /// receiver; a block for any other role (SOAP 1.2's <c>none</c> included) is not for it.
    /// </summary>
    public static bool IsForGateway(XElement block, SoapVersion version)
    {
        var env = XNamespace.Get(version.EnvelopeNamespace);
        var role = Collapse((string?)block.Attribute(env + (version == SoapVersion.Soap11 ? "actor" : "role")));
        // An empty actor or role names no other node: it is the same as none given (SOAP 1.2 part 1 § 5.2.2; SOAP 1.1
        // stacks read an empty actor as the ultimate receiver too), so a mustUnderstand block with one is the gateway's.
        return version == SoapVersion.Soap11
            ? role is null or "" or Soap11Next
            : role is null or "" or Soap12Next or Soap12UltimateReceiver;
    }

    /// <summary>What the block's <c>mustUnderstand</c> attribute (in the envelope's namespace) demands.</summary>
    public static Demand DemandOf(XElement block, SoapVersion version) =>
        Collapse((string?)block.Attribute(XNamespace.Get(version.EnvelopeNamespace) + "mustUnderstand")) switch
        {
            null or "0" or "false" => Demand.None,
            "1" or "true" => Demand.MustUnderstand,
            _ => Demand.Invalid,
        };

    // xs:boolean and xs:anyURI collapse whitespace: leading and trailing space, tab, CR and LF are not part of the value.
    private static string? Collapse(string? value) => value?.Trim(' ', '\t', '\r', '\n');
}
