using Gateway.Domain.Faults;
using Npgsql;

namespace Gateway.Data.Database;

/// <summary>
/// Turns a failure to reach the database into the catalogue's retryable <c>Server.Unavailable</c>; every other
/// database error stays an unexpected exception (it is a bug, and the fault stage reports it as <c>Server.Internal</c>).
/// </summary>
internal static class StoreFailures
{
    public static Task Translate(Func<Task> action) => Translate(async () =>
    {
        await action();
        return true;
    });

    public static async Task<T> Translate<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException ex) when (IsUnavailable(ex))
        {
            throw new GatewayException(FaultCodes.StoreUnavailable, ex);
        }
    }

    // Transient errors (connection refused or lost, pool timeout) and the server's own "try again" states.
    private static bool IsUnavailable(NpgsqlException ex) =>
        ex.IsTransient || ex is PostgresException
        {
            SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown,
        };
}
