namespace Gateway.Host.Pipeline.Envelope;

/// <summary>
/// Structural limits on a request's XML, enforced while it is parsed (configuration section <c>Gateway:Envelope</c>).
/// A message of the contract needs a small fraction of each; the limits exist because the cost of some XML work grows
/// faster than the message (thousands of namespace declarations or attributes cost seconds of CPU in some parsers and
/// in validation). A message over a limit is refused with <c>Client.Request.LimitExceeded</c>; a body that arrives too
/// slowly ends its connection (<see cref="MaxBodySeconds"/>).
/// </summary>
public sealed class EnvelopeLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:Envelope";

    /// <summary>How deep elements may nest, the envelope counting as 1. Default 32; the contract's deepest field is at 7.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Attributes on one element, namespace declarations included. Default 32.</summary>
    public int MaxAttributesPerElement { get; set; } = 32;

    /// <summary>Namespace declarations (<c>xmlns</c>, <c>xmlns:p</c>) in the whole message. Default 64.</summary>
    public int MaxNamespaceDeclarations { get; set; } = 64;

    /// <summary>Characters in a local name, a prefix or a namespace name. Default 256.</summary>
    public int MaxNameLength { get; set; } = 256;

    /// <summary>
    /// Seconds the whole request body may take to arrive, from the moment the gateway starts reading it. Default 30; a
    /// message of the contract is a few kilobytes. When a body is not whole by then, the connection is closed without an
    /// answer (log event 1102).
    /// </summary>
    public int MaxBodySeconds { get; set; } = 30;
}
