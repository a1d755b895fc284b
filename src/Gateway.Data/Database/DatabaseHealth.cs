using Dapper;

namespace Gateway.Data.Database;

/// <summary>
/// What the readiness checks ask the database, each a short read with its own bound: which migrations of this build are
/// not applied, how old the oldest open transaction is, and how far the access-log sealer is behind.
/// </summary>
public sealed class DatabaseHealth(GatewayDataSource dataSource)
{
    // A probe must answer within its own timeout even when the server is slow: the statement ends first.
    private const int CommandTimeoutSeconds = 3;

    /// <summary>Whether the server answers a trivial query (<c>select 1</c>); throws the data layer's failures when it does not.</summary>
    public Task AnswersAsync(CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("select 1", commandTimeout: CommandTimeoutSeconds, cancellationToken: work));
        }, cancellationToken);

    /// <summary>The scripts of this build that the database has not applied.</summary>
    public Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<string>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var applied = (await connection.QueryAsync<string>(new CommandDefinition(
                "select name from schema_migration", commandTimeout: CommandTimeoutSeconds, cancellationToken: work))).ToHashSet(StringComparer.Ordinal);
            return [.. SchemaMigrator.Scripts.Where(s => !applied.Contains(s))];
        }, cancellationToken);

    /// <summary>
    /// How long the oldest transaction open in this database (other than the asking one) has been open, or null when
    /// none is. A long one holds back the reconciliation feed and the sealer for everyone.
    /// </summary>
    public Task<TimeSpan?> OldestTransactionAgeAsync(CancellationToken cancellationToken) =>
        SecondsAsync("""
            select extract(epoch from max(clock_timestamp() - xact_start))::float8
            from pg_stat_activity
            where datname = current_database() and xact_start is not null and pid <> pg_backend_pid() and backend_type = 'client backend'
            """, cancellationToken);

    /// <summary>
    /// How long ago the first access-log entry not yet sealed, in settled order, was recorded; null when everything is
    /// sealed. The sealer links entries every second, so a few seconds are normal.
    /// </summary>
    public Task<TimeSpan?> SealerLagAsync(CancellationToken cancellationToken) =>
        SecondsAsync("""
            with last as (
                select e.xid, e.id from access_log_seal s join access_log e on e.id = s.entry_id order by s.seq desc limit 1
            )
            select extract(epoch from clock_timestamp() - e.recorded_at)::float8
            from access_log e
            where not exists (select 1 from last) or (e.xid, e.id) > (select xid, id from last)
            order by e.xid, e.id
            limit 1
            """, cancellationToken);

    private Task<TimeSpan?> SecondsAsync(string sql, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var seconds = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(sql, commandTimeout: CommandTimeoutSeconds, cancellationToken: work));
            return seconds is { } s ? TimeSpan.FromSeconds(Math.Max(0, s)) : (TimeSpan?)null;
        }, cancellationToken);
}
