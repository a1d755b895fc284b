using System.Diagnostics;
using Gateway.Benchmarks.Requests;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Registrations;
using Gateway.Host.Sandbox;
using Npgsql;

namespace Gateway.Benchmarks.Sealing;

/// <summary>
/// Times one pass of the access-log sealer as the gateway runs it (<see cref="AccessLogSealer.SealAsync"/>, default batch
/// size), after the load scenarios and with the gateway stopped, so that no other sealer takes turns with it.
/// </summary>
internal static class SealerMeasurement
{
    /// <summary>Below this many unsealed entries a pass is too short to time; a fresh batch is sealed instead.</summary>
    public const int LeastBacklog = 10_000;

    /// <summary>Entries recorded for a fresh batch: about what a few seconds of the busiest scenario write.</summary>
    public const int FreshBatchSize = 50_000;

    // Recorded as ListRegistrations records a page's: one statement for the citizens on a page of 100.
    private const int EntriesPerRecord = 100;

    public static async Task<SealerResult> MeasureAsync(NpgsqlDataSource database, string connectionString, CancellationToken cancellationToken)
    {
        var (written, sealedInBackground) = await CountAsync(database, cancellationToken);
        // The data layer's own types go through its data source; the counting here is the benchmark's own SQL.
        await using var store = GatewayDataSource.Create(connectionString);
        var sealer = new AccessLogSealer(store);
        var fresh = written - sealedInBackground < LeastBacklog;
        if (fresh)
        {
            // The gateway's sealer kept up: finish the little it left, untimed, then time a batch of the same shape.
            await sealer.SealAsync(cancellationToken);
            await RecordFreshBatchAsync(database, store, cancellationToken);
        }

        await WaitForHorizonAsync(database, cancellationToken);
        var (all, sealedBefore) = await CountAsync(database, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var entries = await sealer.SealAsync(cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (entries != all - sealedBefore)
        {
            throw new InvalidOperationException(
                $"The timed sealer pass sealed {entries} of {all - sealedBefore} unsealed entries; another sealer or writer was at work.");
        }

        return new SealerResult(fresh, entries, seconds, written, sealedInBackground);
    }

    /// <summary>How long the measurement waits for the transactions that hold back the sealer's horizon to end.</summary>
    public static readonly TimeSpan HorizonWait = TimeSpan.FromSeconds(60);

    // The sealer takes only entries below the cluster's horizon, the oldest transaction still running in any of its
    // databases (an autovacuum's ANALYZE, a backend whose client went away): wait until the last entry is below it, so
    // that the timed pass has every unsealed entry to seal; at the bound, name what held it.
    private static async Task WaitForHorizonAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(HorizonWait.TotalSeconds * Stopwatch.Frequency);
        await using var settled = database.CreateCommand(
            "select coalesce((select xid from access_log order by xid desc limit 1) < pg_snapshot_xmin(pg_current_snapshot()), true)");
        while (!(bool)(await settled.ExecuteScalarAsync(cancellationToken))!)
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                await using var holders = database.CreateCommand("""
                    select string_agg(format('pid %s (%s, %s, database %s, transaction since %s)', pid, backend_type, state, datname, xact_start), '; ')
                      from pg_stat_activity
                     where backend_xid is not null and pid <> pg_backend_pid()
                    """);
                throw new InvalidOperationException(
                    $"After {HorizonWait.TotalSeconds:0} s a transaction older than the last access-log entry was still running, so no " +
                    $"sealer could seal it: {await holders.ExecuteScalarAsync(cancellationToken)}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static async Task<(long Entries, long Sealed)> CountAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var count = database.CreateCommand("select (select count(*) from access_log), (select count(*) from access_log_seal)");
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    // Entries like a ListRegistrations page's: the run's agreement and IT system, a system call, one citizen each.
    private static async Task RecordFreshBatchAsync(NpgsqlDataSource database, GatewayDataSource store, CancellationToken cancellationToken)
    {
        await using var find = database.CreateCommand("select it_system_id from agreement where id = $1");
        find.Parameters.Add(new NpgsqlParameter { Value = SandboxIdentity.AgreementId });
        var itSystem = (Guid)(await find.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("The run's agreement is missing; the gateway did not register its caller."));

        var log = new AccessLogStore(store);
        var citizens = new CprSequence(new DateOnly(1960, 1, 1));
        for (var recorded = 0; recorded < FreshBatchSize; recorded += EntriesPerRecord)
        {
            var at = DateTimeOffset.UtcNow;
            var entries = Enumerable.Range(0, EntriesPerRecord)
                .Select(_ => new AccessEntry(
                    at, SandboxIdentity.AgreementId, itSystem, SandboxIdentity.Authority, null, Caller.SystemCaseWorker, "bench-sealer",
                    ListRegistrations.Operation, citizens.Next(), null, AccessOutcome.Ok))
                .ToList();
            await log.RecordAsync(entries, cancellationToken);
        }
    }
}
