using Dapper;
using Gateway.Data.Database;

namespace Gateway.Data.AccessLog;

/// <summary>
/// Links settled access-log entries into the hash chain (<see cref="AccessLogChain"/>), a batch per transaction. The
/// gateway runs it every second; <c>gatewayctl audit seal</c> runs it by hand. Instances on one database take turns
/// through an advisory lock, so each entry is sealed once.
/// </summary>
public sealed class AccessLogSealer(GatewayDataSource dataSource, int batchSize = AccessLogSealer.DefaultBatchSize)
{
    /// <summary>Entries sealed per transaction unless told otherwise.</summary>
    public const int DefaultBatchSize = 1000;

    // Any constant unique to the sealer ("AccessLg"); it only serializes concurrent sealers.
    private const long LockKey = 0x4163636573734C67;

    /// <summary>
    /// Seals every entry that is settled now and returns how many it sealed; 0 at once when another sealer holds the
    /// lock. Throws <see cref="AccessLogChainException"/> when the entry of the last link is gone: the chain must not
    /// be continued from a history that has been tampered with.
    /// </summary>
    public Task<int> SealAsync(CancellationToken cancellationToken) => StoreFailures.Translate(work => SealSettledAsync(work), cancellationToken);

    private async Task<int> SealSettledAsync(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await TransactionIds.EnsureAheadOfStoredAsync(dataSource, cancellationToken);
        var total = 0;
        int sealedNow;
        do
        {
            sealedNow = await SealBatchAsync(cancellationToken);
            total += sealedNow;
        }
        while (sealedNow == batchSize);

        return total;
    }

    private async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                $"select pg_try_advisory_xact_lock({LockKey})", transaction: transaction, cancellationToken: cancellationToken)))
        {
            return 0;
        }

        var last = await connection.QuerySingleOrDefaultAsync<LastLink>(new CommandDefinition("""
            select s.seq as Seq, s.entry_id as EntryId, s.hash as Hash, e.xid::text as Xid
              from access_log_seal s left join access_log e on e.id = s.entry_id
             order by s.seq desc
             limit 1
            """, transaction: transaction, cancellationToken: cancellationToken));
        if (last is { Xid: null })
        {
            throw new AccessLogChainException(
                $"The access log cannot be sealed further: entry {last.EntryId}, sealed as link {last.Seq}, is gone from access_log. " +
                "Its history has been tampered with; run `gatewayctl audit verify` to find the first break, and see the operator guide, section \"The access log\".");
        }

        var position = last is null ? SettledPosition.Genesis : SettledPosition.Of(last.Xid!, last.EntryId);

        // The horizon is taken in the same statement that reads: every transaction with a smaller xid has ended, so no
        // entry can still appear before the last one read here (access_log_settled_idx).
        var entries = (await connection.QueryAsync<AccessLogRow>(new CommandDefinition($"""
            select {AccessLogRow.Columns}
              from access_log e
             where (e.xid, e.id) > (@Xid::xid8, @Id) and e.xid < pg_snapshot_xmin(pg_current_snapshot())
             order by e.xid, e.id
             limit @batchSize
            """, new { Xid = position.XidText, position.Id, batchSize }, transaction, cancellationToken: cancellationToken))).AsList();
        if (entries.Count == 0)
        {
            return 0;
        }

        var seq = last?.Seq ?? 0;
        var previous = last?.Hash ?? AccessLogChain.Genesis();
        var seqs = new long[entries.Count];
        var hashes = new byte[entries.Count][];
        for (var i = 0; i < entries.Count; i++)
        {
            seqs[i] = ++seq;
            hashes[i] = previous = AccessLogChain.Hash(previous, seq, entries[i]);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "insert into access_log_seal (seq, entry_id, hash) select * from unnest(@Seqs, @EntryIds, @Hashes)",
            new { Seqs = seqs, EntryIds = entries.Select(e => e.Id).ToArray(), Hashes = hashes }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return entries.Count;
    }

    // The last link, with the settled position of its entry (Xid null when the entry is gone).
    private sealed record LastLink(long Seq, long EntryId, byte[] Hash, string? Xid);
}
