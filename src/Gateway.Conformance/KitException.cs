namespace Gateway.Conformance;

/// <summary>The gateway answered the kit otherwise than a scenario allows; the message says how.</summary>
internal sealed class KitException(string message) : Exception(message);
