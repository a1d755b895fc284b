namespace Gateway.RegistrationTool.Hosting;

/// <summary>
/// The registration tool's listener and sessions (configuration section <c>Gateway:RegistrationTool</c>). The tool is a
/// server of its own beside the SOAP endpoint: HTTPS with the gateway's server certificate, asking every browser for
/// the case worker's client certificate.
/// </summary>
public sealed class RegistrationToolOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:RegistrationTool";

    /// <summary>Where the tool listens: an https:// address, or empty for no tool. Default <c>https://localhost:5445</c>.</summary>
    public string Url { get; set; } = "https://localhost:5445";

    /// <summary>How long a session lasts at most from sign-in, however busy. Default 8 hours (a working day).</summary>
    public double SessionHours { get; set; } = 8;

    /// <summary>How long a session survives without a request. Default 20 minutes.</summary>
    public double IdleMinutes { get; set; } = 20;

    /// <summary>The problems with these settings, each naming its key; empty when they are good.</summary>
    public IEnumerable<string> Problems()
    {
        if (!string.IsNullOrWhiteSpace(Url) && !(Uri.TryCreate(Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            yield return "Gateway:RegistrationTool:Url must be an https:// address (or empty for no registration tool).";
        }

        if (SessionHours is <= 0 or > 24)
        {
            yield return "Gateway:RegistrationTool:SessionHours must be more than 0 and at most 24.";
        }

        if (IdleMinutes <= 0 || IdleMinutes > SessionHours * 60)
        {
            yield return "Gateway:RegistrationTool:IdleMinutes must be more than 0 and at most the session's length.";
        }
    }
}
