namespace Gateway.Data.AccessLog;

/// <summary>
/// The access log's chain cannot be continued because its stored history is broken; the message names the link and
/// what to do. It never contains personal data.
/// </summary>
public sealed class AccessLogChainException : Exception
{
    /// <summary>Creates the exception with an actionable message.</summary>
    public AccessLogChainException(string message)
        : base(message)
    {
    }
}
