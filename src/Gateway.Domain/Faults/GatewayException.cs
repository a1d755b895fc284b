namespace Gateway.Domain.Faults;

/// <summary>
/// The one exception type for refusals that cannot travel as a result, for example where a framework
/// only understands exceptions. It carries a catalogue code; its message is for logs, never for callers.
/// </summary>
public sealed class GatewayException : Exception
{
    /// <summary>Creates the exception for a refusal.</summary>
    public GatewayException(Refusal refusal, Exception? inner = null)
        : base(refusal.Code.Value, inner)
    {
        Refusal = refusal;
    }

    /// <summary>Creates the exception for a code without field details.</summary>
    public GatewayException(FaultCode code, Exception? inner = null)
        : this(new Refusal(code), inner)
    {
    }

    /// <summary>The refusal to report.</summary>
    public Refusal Refusal { get; }
}
