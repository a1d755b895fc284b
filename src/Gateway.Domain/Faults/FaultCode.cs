namespace Gateway.Domain.Faults;

/// <summary>A stable, hierarchical fault code from the closed catalogue in <see cref="FaultCodes"/>.</summary>
/// <param name="Value">The code as published, for example <c>Client.Validation.SchemaViolation</c>.</param>
/// <param name="Retryable">Whether sending the same request again may succeed.</param>
/// <param name="Text">The default human text; it names the fix and never reveals internals.</param>
public sealed record FaultCode(string Value, bool Retryable, string Text)
{
    /// <summary>Whether the caller must change something (<c>Client.…</c>) rather than retry (<c>Server.…</c>).</summary>
    public bool IsClientFault => Value.StartsWith("Client.", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Value;
}
