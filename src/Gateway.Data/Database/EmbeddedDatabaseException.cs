namespace Gateway.Data.Database;

/// <summary>The embedded PostgreSQL could not be started; the message says what to do about it.</summary>
public sealed class EmbeddedDatabaseException : Exception
{
    /// <summary>Creates the exception with an actionable message.</summary>
    public EmbeddedDatabaseException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
