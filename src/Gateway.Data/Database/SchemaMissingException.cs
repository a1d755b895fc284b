namespace Gateway.Data.Database;

/// <summary>The database has no gateway schema (or an older one than this build): migrations have not been applied.</summary>
public sealed class SchemaMissingException(string message, Exception inner) : Exception(message, inner);
