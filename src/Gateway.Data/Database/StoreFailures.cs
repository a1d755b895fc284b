using Gateway.Domain.Faults;
using Npgsql;

namespace Gateway.Data.Database;

/// <summary>
/// The one classification of database failures, so that the gateway and gatewayctl match on the data layer's types
/// and never on Npgsql's: the database cannot be reached (the catalogue's retryable <c>Server.Unavailable</c>, as a
/// <see cref="GatewayException"/>), it refused a change that conflicts with what is stored
/// (<see cref="StoreConflictException"/>), or it has no gateway schema (<see cref="SchemaMissingException"/>). Every
/// other database error stays an unexpected exception: it is a bug, and the fault stage reports it as <c>Server.Internal</c>.
/// </summary>
public static class StoreFailures
{
    /// <summary>Runs <paramref name="action"/> as <see cref="Translate{T}"/> does.</summary>
    public static Task Translate(Func<CancellationToken, Task> action, CancellationToken cancellationToken) => Translate(async work =>
    {
        await action(work);
        return true;
    }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/>, classifying what the database throws, and waits for it no longer than
    /// <paramref name="cancellationToken"/> allows: when the token is cancelled the caller gets an
    /// <see cref="OperationCanceledException"/> at once, even when the server does not answer at all.
    /// </summary>
    /// <remarks>
    /// The work itself gets a token that is never cancelled (the <c>work</c> parameter), so that Npgsql never cancels a
    /// command because a caller stopped waiting: its cancellation opens a connection to the server and waits for the
    /// answer on the thread that cancels, which on a frozen server holds that thread for the connect timeout, and a few
    /// dozen such threads starve every call of the process (measured: answers due at a 10 s deadline came after 13-20 s
    /// under 64 callers). Abandoned work ends by the command timeout, or when the server answers; a write it was doing may
    /// still commit, which a retry under its request id settles.
    /// </remarks>
    public static async Task<T> Translate<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var work = Classified(() => action(CancellationToken.None));
        if (!cancellationToken.CanBeCanceled || work.IsCompleted)
        {
            return await work;
        }

        try
        {
            return await work.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            // Nobody awaits the abandoned work any more; its failure is expected and must not surface as unobserved.
            _ = work.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private static async Task<T> Classified<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn or PostgresErrorCodes.UndefinedFunction)
        {
            throw new SchemaMissingException(ex.MessageText, ex);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation
                                               or PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.NotNullViolation)
        {
            throw new StoreConflictException(ex.MessageText, ex);
        }
        catch (NpgsqlException ex) when (IsUnreachable(ex))
        {
            throw new GatewayException(FaultCodes.StoreUnavailable, ex);
        }
    }

    /// <summary>What an unreachable database's exception says, for people (the innermost cause a person can act on).</summary>
    public static string Reason(GatewayException unavailable) =>
        unavailable.InnerException is PostgresException postgres ? postgres.MessageText : unavailable.InnerException?.Message ?? unavailable.Message;

    // Failing to connect at all (refused, lost, timed out, TLS), the server's own "try again" states, and a server that
    // will not let this user in or has no such database: in each case nothing was read or written.
    private static bool IsUnreachable(NpgsqlException ex) => ex is not PostgresException || ex.IsTransient || ex is PostgresException
    {
        SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification or PostgresErrorCodes.InvalidCatalogName,
    };
}
