namespace Gateway.Host.Hosting;

/// <summary>A setting the gateway cannot start without is missing or wrong; the message names the configuration key.</summary>
public sealed class GatewayConfigurationException(string message) : Exception(message);
