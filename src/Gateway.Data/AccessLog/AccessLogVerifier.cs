using System.Data;
using Dapper;
using Gateway.Data.Database;

namespace Gateway.Data.AccessLog;

/// <summary>
/// Walks the access log's chain from link 1 and reports the first break: a missing link, a link whose entry is gone,
/// a hash that does not match (<see cref="AccessLogChain"/>), a link out of settled order, and then an unsealed entry
/// within sealed history. Without a head recorded outside the database it cannot see the newest links removed, or a
/// tail re-computed by someone who knows the rule; with one it can.
/// </summary>
public sealed class AccessLogVerifier(GatewayDataSource dataSource)
{
    /// <summary>Verifies the whole chain, and, when <paramref name="recordedHead"/> is given, that it still holds that link.</summary>
    public Task<AccessLogVerification> VerifyAsync(AccessLogHead? recordedHead, CancellationToken cancellationToken) =>
        StoreFailures.Translate(work => WalkAsync(recordedHead, work), cancellationToken);

    private async Task<AccessLogVerification> WalkAsync(AccessLogHead? recordedHead, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the walk and the checks after it, so that a sealer running meanwhile cannot make them disagree.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        var walk = new Walk(recordedHead);
        // Streamed: one link in memory at a time, however long the log.
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition($"""
            select s.seq, s.entry_id, s.hash, {AccessLogRow.Columns}
              from access_log_seal s left join access_log e on e.id = s.entry_id
             order by s.seq
            """, transaction: transaction, cancellationToken: cancellationToken)))
        {
            var entryOf = reader.GetRowParser<AccessLogRow>(startIndex: 3, returnNullIfFirstMissing: true);
            while (walk.Break is null && await reader.ReadAsync(cancellationToken))
            {
                walk.Step(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2), entryOf(reader));
            }
        }

        walk.End();
        var position = new { Xid = walk.Position.XidText, walk.Position.Id };
        if (walk.Break is null)
        {
            // Every transaction below the last link's xid had ended when it was sealed, so an entry without a link
            // at or before it was not there then: it was inserted afterwards, with a chosen xid.
            var inserted = await connection.QuerySingleOrDefaultAsync<(long Id, long After)?>(new CommandDefinition("""
                select e.id,
                       coalesce((select max(s.seq) from access_log_seal s join access_log p on p.id = s.entry_id
                                  where (p.xid, p.id) < (e.xid, e.id)), 0)
                  from access_log e
                 where (e.xid, e.id) <= (@Xid::xid8, @Id)
                   and not exists (select 1 from access_log_seal s where s.entry_id = e.id)
                 order by e.xid, e.id
                 limit 1
                """, position, transaction, cancellationToken: cancellationToken));
            if (inserted is { } entry)
            {
                walk.Break = new AccessLogBreak(AccessLogBreakKind.NotSealed, entry.After, entry.Id,
                    $"Entry {entry.Id} has no link but lies within sealed history, after link {entry.After} in settled order: it was inserted afterwards.");
            }
        }

        var notYetSealed = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            select count(*) from access_log e
             where (e.xid, e.id) > (@Xid::xid8, @Id)
               and not exists (select 1 from access_log_seal s where s.entry_id = e.id)
            """, position, transaction, cancellationToken: cancellationToken));
        return new AccessLogVerification(walk.Verified, notYetSealed, walk.Head, walk.Break);
    }

    // The walk's state: what link comes next, the hash it must follow, and where in settled order the chain has got to.
    private sealed class Walk(AccessLogHead? recordedHead)
    {
        private byte[] _previousHash = AccessLogChain.Genesis();
        private long _previousEntry;

        public long Verified { get; private set; }

        public SettledPosition Position { get; private set; } = SettledPosition.Genesis;

        public AccessLogHead? Head { get; private set; }

        public AccessLogBreak? Break { get; set; }

        public void Step(long seq, long entryId, byte[] hash, AccessLogRow? entry)
        {
            Break = Check(seq, entryId, hash, entry);
            if (Break is null)
            {
                _previousHash = hash;
                _previousEntry = entryId;
                Position = entry!.Position;
                Verified = seq;
                Head = new AccessLogHead(seq, AccessLogChain.Hex(hash));
            }
        }

        public void End()
        {
            if (Break is null && recordedHead is { } head && head.Seq > Verified)
            {
                Break = new AccessLogBreak(AccessLogBreakKind.HeadMissing, Verified + 1, null,
                    $"The chain ends at link {Verified}, before the recorded head, link {head.Seq}: the newest links were removed.");
            }
        }

        private AccessLogBreak? Check(long seq, long entryId, byte[] hash, AccessLogRow? entry)
        {
            var expected = Verified + 1;
            if (seq != expected)
            {
                return new AccessLogBreak(AccessLogBreakKind.MissingLink, expected, null, expected == 1
                    ? $"Link 1 is missing (the first link is {seq}, entry {entryId}): the oldest links were removed."
                    : $"Link {expected} is missing: it was removed from between entry {_previousEntry} (link {expected - 1}) and entry {entryId} (link {seq}).");
            }

            if (entry is null)
            {
                return new AccessLogBreak(AccessLogBreakKind.EntryGone, seq, entryId, $"Entry {entryId} of link {seq} is gone from access_log: it was deleted.");
            }

            if (!hash.AsSpan().SequenceEqual(AccessLogChain.Hash(_previousHash, seq, entry)))
            {
                return new AccessLogBreak(AccessLogBreakKind.HashMismatch, seq, entryId,
                    $"Entry {entryId} of link {seq} does not match the link's hash: the entry was changed, or the link forged.");
            }

            if (entry.Position <= Position)
            {
                return new AccessLogBreak(AccessLogBreakKind.OutOfOrder, seq, entryId,
                    $"Entry {entryId} of link {seq} comes before entry {_previousEntry} of link {seq - 1} in settled order: the link was forged.");
            }

            if (recordedHead is { } head && head.Seq == seq && !head.Hash.Equals(AccessLogChain.Hex(hash), StringComparison.OrdinalIgnoreCase))
            {
                return new AccessLogBreak(AccessLogBreakKind.HeadMismatch, seq, entryId,
                    $"Link {seq} (entry {entryId}) has hash {AccessLogChain.Hex(hash)}, not the recorded {head.Hash.ToLowerInvariant()}: " +
                    "the chain was re-computed from this link or an earlier one.");
            }

            return null;
        }
    }
}
