using System.Globalization;
using Dapper;

namespace Gateway.Data.Database;

/// <summary>
/// The settled order of the reconciliation feed and of the access-log chain follows PostgreSQL's 64-bit transaction
/// ids, which only mean something in the cluster that assigned them. A database restored from a logical dump
/// (pg_dump) into another cluster keeps the stored ids while the new cluster counts from low numbers again: new
/// writes would sort before old ones, and a cursor or the sealer would pass them by. That state is refused, with
/// what to do, rather than served.
/// </summary>
public static class TransactionIds
{
    /// <summary>Throws <see cref="TransactionIdsBehindException"/> when a stored transaction id lies ahead of the cluster's counter.</summary>
    public static Task EnsureAheadOfStoredAsync(GatewayDataSource dataSource, CancellationToken cancellationToken) =>
        StoreFailures.Translate(work => EnsureAheadAsync(dataSource, work), cancellationToken);

    private static async Task EnsureAheadAsync(GatewayDataSource dataSource, CancellationToken cancellationToken)
    {
        // Every write since migration 0006 also writes an access-log entry, so the log holds the highest stored id;
        // access_log_settled_idx answers this from its last entry.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (stored, next) = await connection.QuerySingleAsync<(string? Stored, string Next)>(new CommandDefinition("""
            select (select xid from access_log order by xid desc limit 1)::text,
                   pg_snapshot_xmax(pg_current_snapshot())::text
            """, cancellationToken: cancellationToken));
        if (stored is null)
        {
            return;
        }

        var storedId = ulong.Parse(stored, CultureInfo.InvariantCulture);
        if (storedId < ulong.Parse(next, CultureInfo.InvariantCulture))
        {
            return;
        }

        throw new TransactionIdsBehindException(
            $"The database holds writes of transaction {stored}, but this PostgreSQL cluster's next transaction is {next}: the database was "
            + "restored from a logical dump into another cluster. ListRegistrations and the access-log chain order writes by transaction id "
            + "and would pass new writes by. Stop PostgreSQL and raise its transaction epoch above the stored ids "
            + $"(pg_resetwal --epoch={(storedId >> 32) + 1} on the data directory), then start again. See docs/operators.md, \"Backups and restores\".");
    }
}

/// <summary>The cluster's transaction ids are behind the stored ones (see <see cref="TransactionIds"/>); the message says what to do.</summary>
public sealed class TransactionIdsBehindException(string message) : Exception(message);
