using Dapper;
using Gateway.Data.Database;

namespace Gateway.Data.Supervision;

/// <summary>
/// Keeps the supervision facts (migration 0012) up with the writes: every write notes its registration in
/// <c>supervision_pending</c>, and <see cref="CatchUpAsync"/> makes the facts of the citizens noted again, in batches
/// (<c>supervision_fact_apply</c>). The gateway runs it every second in the background and before every supervision
/// read, so a report counts every registration acknowledged before it was asked for.
/// </summary>
public sealed class SupervisionFacts(GatewayDataSource dataSource)
{
    /// <summary>
    /// Takes the facts' lock for the rest of the transaction: the lock every <c>supervision_fact_apply</c> and
    /// <c>supervision_fact_rebuild</c> takes first (migration 0012, first key 1397773650, 'SUPR').
    /// </summary>
    internal const string TakeLock = "select pg_advisory_xact_lock(1397773650, 0)";

    /// <summary>The most noted registrations one apply takes, in one transaction.</summary>
    public const int BatchSize = 1000;

    /// <summary>
    /// Applies what is noted until nothing is, each batch in a transaction of its own; returns how many registrations it
    /// took. What is noted while it runs is taken too, or by the next call.
    /// </summary>
    public Task<int> CatchUpAsync(CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var total = 0;
            int taken;
            do
            {
                taken = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "select supervision_fact_apply(@batch)", new { batch = BatchSize }, cancellationToken: work));
                total += taken;
            }
            while (taken == BatchSize);

            return total;
        }, cancellationToken);
}
