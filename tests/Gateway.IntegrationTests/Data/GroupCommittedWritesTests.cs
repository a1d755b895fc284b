using System.Diagnostics.Metrics;
using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Contracts.Types;
using Gateway.Data.Database;
using Gateway.Data.Registrations;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.Host.Soap;
using Gateway.IntegrationTests.Support;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.IntegrationTests.Data;

/// <summary>
/// Group commit of registration writes, against PostgreSQL: writes that arrive while a commit is under way share the
/// next one and nobody is answered before it; within one commit each write keeps its own answer (a request id taken by
/// the write before it, a version taken by a concurrent correction), and a write the database refuses fails alone.
/// </summary>
[TestFixture]
[NonParallelizable] // Waits on pg_locks for write_request, whose OID every database copied from the template shares: runs alone.
public sealed class GroupCommittedWritesTests
{
    private static readonly AuthorityId Municipality = new(AuthorityKind.Municipality, "101");
    private static readonly Guid SystemId = Guid.NewGuid();

    private GatewayDataSource _dataSource = null!;
    private RegistrationStore _store = null!;
    private Guid _agreementId;

    [SetUp]
    public async Task CreateDatabase()
    {
        _dataSource = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        _store = new RegistrationStore(_dataSource);
        _agreementId = Guid.NewGuid();
        await SeedAgreementAsync(_dataSource, _agreementId);
    }

    [TearDown]
    public async Task DropDataSource()
    {
        await _store.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Test]
    public async Task Writes_ArrivingWhileACommitIsUnderWay_WaitForItAndThenShareTheNextCommit()
    {
        await using var hold = await HoldClaimsAsync();

        var first = Write(NewRegistration(), "first");
        await WaitUntilAWriteIsBlockedAsync();
        var queued = Enumerable.Range(0, 20).Select(i => Write(NewRegistration(), $"queued-{i}")).ToList();
        await Task.Delay(200);
        var answeredWhileHeld = queued.Append(first).Count(w => w.IsCompleted);
        await hold.RollbackAsync();
        var results = await Task.WhenAll(queued.Append(first));

        var xids = await XidsByRequestAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answeredWhileHeld, Is.Zero, "no write is answered before it is committed");
            Assert.That(results, Is.All.EqualTo(WriteResult.Stored));
            Assert.That(xids.Keys, Has.Count.EqualTo(21));
            Assert.That(xids.Where(x => x.Key != "first").Select(x => x.Value).Distinct().Count(), Is.EqualTo(1), "the 20 queued writes share one commit");
            Assert.That(xids["queued-0"], Is.Not.EqualTo(xids["first"]), "the commit under way took only the first write");
            Assert.That(await CountAsync("access_log"), Is.EqualTo(21), "every write's access-log entry is in its commit");
        }
    }

    [Test]
    public async Task OneCommit_TwoWritesUnderOneRequestId_StoresTheFirstAndAnswersTheSecondTaken()
    {
        var (first, second) = (NewRegistration(), NewRegistration());
        var results = await InOneCommitAsync(
            () => Write(first, "same-id"),
            () => Write(second, "same-id"),
            () => Write(NewRegistration(), "other-id"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Is.EqualTo(new WriteResult?[] { WriteResult.Stored, WriteResult.RequestIdTaken, WriteResult.Stored }));
            Assert.That(await CommitsOfAsync("same-id", "other-id"), Is.EqualTo(1), "the stored writes committed together");
            Assert.That(await CountAsync("registration"), Is.EqualTo(3), "the second write under the id stored nothing (the third is the write ahead)");
            Assert.That(await CountAsync("access_log"), Is.EqualTo(3));
            Assert.That((await _store.FindRequestAsync(_agreementId, "same-id", CancellationToken.None))!.Receipt.RegistrationId, Is.EqualTo(first.Id));
        }
    }

    [Test]
    public async Task OneCommit_TwoCorrectionsOfOneVersion_StoresOneAnswersTheOtherVersionTakenAndKeepsTheRest()
    {
        var registered = NewRegistration();
        Assert.That(await Write(registered, "register"), Is.EqualTo(WriteResult.Stored));
        var correction = registered with { Version = 2, Change = ChangeKind.Corrected, Reason = "Forkert dato." };

        var results = await InOneCommitAsync(
            () => Write(NewRegistration(), "before"),
            () => Write(correction, "correct-a"),
            () => Write(correction, "correct-b"),
            () => Write(NewRegistration(), "after"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Is.EqualTo(new WriteResult?[] { WriteResult.Stored, WriteResult.Stored, WriteResult.VersionTaken, WriteResult.Stored }));
            Assert.That(await CommitsOfAsync("before", "correct-a", "after"), Is.EqualTo(1), "the stored writes committed together");
            Assert.That(await _store.FindRequestAsync(_agreementId, "correct-b", CancellationToken.None), Is.Null, "the stale correction claimed nothing");
            Assert.That(await CountAsync("registration_version"), Is.EqualTo(5), "the registration, its correction, the write ahead, before and after");
            Assert.That(await CountAsync("access_log"), Is.EqualTo(5));
        }
    }

    [Test]
    public async Task OneCommit_AWriteTheDatabaseRefuses_FailsAloneAndTheOthersAreStored()
    {
        // A request id with a space breaks write_request's check: the batch fails, and each write is sent again alone.
        var results = await InOneCommitAsync(
            () => Write(NewRegistration(), "good-1"),
            () => Write(NewRegistration(), "not allowed"),
            () => Write(NewRegistration(), "good-2"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results[0], Is.EqualTo(WriteResult.Stored));
            Assert.That(results[1], Is.Null, "the refused write failed");
            Assert.That(results[2], Is.EqualTo(WriteResult.Stored));
            Assert.That(await CountAsync("registration"), Is.EqualTo(3), "the two good writes and the write ahead");
            Assert.That(await CountAsync("access_log"), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task OneCommit_TheCorrectionThatTookTheVersionIsThenRefused_TheOtherCorrectionIsStoredNotStale()
    {
        var registered = NewRegistration();
        Assert.That(await Write(registered, "register"), Is.EqualTo(WriteResult.Stored));
        // The first correction goes through the first time it is sent and is refused every time after: the batch it
        // is in fails on the second correction's version (taken by the first), and the first is sent again without it.
        await using (var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("""
                create sequence first_correction_sent;
                create function refuse_first_correction_again() returns trigger language plpgsql as $$
                begin
                    if new.reason = 'Første rettelse.' then
                        if nextval('first_correction_sent') > 1 then
                            raise exception 'refused on purpose' using errcode = 'check_violation';
                        end if;
                    end if;
                    return new;
                end;
                $$;
                create trigger refuse_first_correction_again before insert on registration_version
                    for each row execute function refuse_first_correction_again();
                """);
        }

        var results = await InOneCommitAsync(
            () => Write(registered with { Version = 2, Change = ChangeKind.Corrected, Reason = "Første rettelse." }, "correct-a"),
            () => Write(registered with { Version = 2, Change = ChangeKind.Corrected, Reason = "Anden rettelse." }, "correct-b"));

        await using var check = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        var version2 = await check.QuerySingleOrDefaultAsync<string?>(
            "select request_id from registration_version where registration_id = @id and version = 2", new { id = registered.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results[0], Is.Null, "the first correction was refused");
            Assert.That(version2, Is.EqualTo("correct-b"), "version 2 is free once the first correction is refused: the second takes it");
            Assert.That(results[1], Is.EqualTo(WriteResult.Stored), "the second correction is not stale on the word of a write that was never stored");
        }
    }

    [Test]
    public async Task OneCommit_WritesApart_StoreInOneStatementExactlyWhatEachStoresAlone()
    {
        // The same writes, each sent alone to a second database and together in one commit to this one.
        var corrected = NewRegistration();
        var taken = NewRegistration();
        var otherActor = new AuthorityId(AuthorityKind.OtherActor, "12345674");
        var together = new (StoredRegistration Version, string RequestId)[]
        {
            (NewRegistration(), "minimal"),
            (NewRegistration() with
            {
                Interview = ContractMapper.ToInterview(SampleRegistrations.Complete("0202902345")),
                OtherActor = otherActor,
                CallId = "call-7",
                Late = true,
                Channel = RegistrationChannel.RegistrationTool,
            }, "complete"),
            (corrected with { Version = 2, Change = ChangeKind.Corrected, Reason = "Rettet, æøå." }, "correction"),
            (NewRegistration() with { Interview = ContractMapper.ToInterview(Ended("0303903456")) }, "ended"),
            (NewRegistration(), "taken"), // its request id was used before: it writes nothing
        };
        using var splits = new SplitCommits();

        await using var alone = GatewayDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        await SeedAgreementAsync(alone, _agreementId);
        await using (var aloneStore = new RegistrationStore(alone))
        {
            foreach (var (version, requestId) in new[] { (corrected, "register"), (taken, "taken") }.Concat(together))
            {
                await Write(aloneStore, version, requestId);
            }
        }

        Assert.That(await Write(corrected, "register"), Is.EqualTo(WriteResult.Stored));
        Assert.That(await Write(taken, "taken"), Is.EqualTo(WriteResult.Stored));
        var results = await InOneCommitAsync([.. together.Select(w => (Func<Task<WriteResult>>)(() => Write(w.Version, w.RequestId)))]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Is.EqualTo(new WriteResult?[] { WriteResult.Stored, WriteResult.Stored, WriteResult.Stored, WriteResult.Stored, WriteResult.RequestIdTaken }));
            Assert.That(splits.Total, Is.Zero, "the batch went as one statement");
            Assert.That(await CommitsOfAsync("minimal", "complete", "correction", "ended"), Is.EqualTo(1));
            foreach (var table in StoredRows.Keys)
            {
                Assert.That(await RowsAsync(_dataSource, table), Is.EqualTo(await RowsAsync(alone, table)), $"{table} holds the same rows");
            }
        }
    }

    [Test]
    public async Task OneCommit_TwoWritesOfOneRegistration_AreSentAStatementEach()
    {
        var registered = NewRegistration();
        Assert.That(await Write(registered, "register"), Is.EqualTo(WriteResult.Stored));
        using var splits = new SplitCommits();

        var results = await InOneCommitAsync(
            () => Write(registered with { Version = 2, Change = ChangeKind.Corrected, Reason = "Første." }, "second"),
            () => Write(registered with { Version = 3, Change = ChangeKind.Corrected, Reason = "Anden." }, "third"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Is.EqualTo(new WriteResult?[] { WriteResult.Stored, WriteResult.Stored }));
            Assert.That(splits["meet"], Is.EqualTo(1), "a batch whose writes meet is sent a statement per write");
            Assert.That(splits["refused"], Is.Zero, "without trying the one statement first");
            Assert.That(await CommitsOfAsync("second", "third"), Is.EqualTo(1), "and still in one commit");
        }
    }

    [Test]
    public async Task OneCommit_AVersionStoredBefore_TheOneStatementIsRefusedAndTheBatchTellsWhichWrite()
    {
        var registered = NewRegistration();
        var correction = registered with { Version = 2, Change = ChangeKind.Corrected, Reason = "Rettet." };
        Assert.That(await Write(registered, "register"), Is.EqualTo(WriteResult.Stored));
        Assert.That(await Write(correction, "first-correction"), Is.EqualTo(WriteResult.Stored));
        using var splits = new SplitCommits();

        var results = await InOneCommitAsync(
            () => Write(NewRegistration(), "before"),
            () => Write(correction with { Reason = "Rettet igen." }, "stale-correction"),
            () => Write(NewRegistration(), "after"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Is.EqualTo(new WriteResult?[] { WriteResult.Stored, WriteResult.VersionTaken, WriteResult.Stored }));
            Assert.That(splits["refused"], Is.EqualTo(1), "the one statement was refused once; the rest then went as one statement");
            Assert.That(splits["meet"], Is.Zero);
            Assert.That(await CommitsOfAsync("before", "after"), Is.EqualTo(1));
            Assert.That(await _store.FindRequestAsync(_agreementId, "stale-correction", CancellationToken.None), Is.Null, "the stale correction claimed nothing");
        }
    }

    [TestCase("perform pg_terminate_backend(pg_backend_pid())", TestName = "OneCommit_TheServerEndsTheSessionOnce_EachWriteIsSentAgainAloneAndStoredOnce")]
    [TestCase("raise exception 'deadlock on purpose' using errcode = 'deadlock_detected'",
        TestName = "OneCommit_TheOneStatementEndsInADeadlockOnce_EachWriteIsSentAgainAloneAndStoredOnce")]
    public async Task OneCommit_TheOneStatementFailsForAReasonNotItsRows_EachWriteIsSentAgainAlone(string failure)
    {
        // The first time the middle write's row is inserted, the statement fails as a whole (its session ends, or it is
        // chosen as a deadlock's victim); a sequence counts it, as a failed transaction undoes everything but that.
        await using (var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync($$"""
                create sequence fail_once;
                create function fail_once() returns trigger language plpgsql as $$
                begin
                    if new.case_worker_id = 'cw-once' then
                        if nextval('fail_once') = 1 then
                            {{failure}};
                        end if;
                    end if;
                    return new;
                end;
                $$;
                create trigger fail_once before insert on registration_version for each row execute function fail_once();
                """);
        }

        using var splits = new SplitCommits();
        var results = await InOneCommitAsync(
            () => Write(NewRegistration(), "first"),
            () => Write(NewRegistration() with { CaseWorkerId = "cw-once" }, "once"),
            () => Write(NewRegistration(), "last"));

        await using var check = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results, Is.EqualTo(new WriteResult?[] { WriteResult.Stored, WriteResult.Stored, WriteResult.Stored }));
            Assert.That(splits["refused"], Is.EqualTo(1), "the one statement was tried once");
            Assert.That(await check.ExecuteScalarAsync<long>("select last_value from fail_once"), Is.EqualTo(2), "the failing write was sent twice: together, then alone");
            Assert.That(await CommitsOfAsync("first", "once", "last"), Is.EqualTo(3), "each write went again alone");
            Assert.That(await CountAsync("registration"), Is.EqualTo(4), "the three writes and the write ahead, each once");
            Assert.That(await CountAsync("registration_version"), Is.EqualTo(4));
            Assert.That(await CountAsync("access_log"), Is.EqualTo(4));
        }
    }

    // What a write stores, per table, without what differs between two databases (transaction ids) or between two
    // transactions (an access-log entry's identity is the same when the order is); the write ahead of a batch left out.
    private static readonly Dictionary<string, string> StoredRows = new()
    {
        ["registration"] = "select to_jsonb(r)::text from registration r where r.id not in (select registration_id from registration_version where request_id = 'ahead') order by r.id",
        ["registration_version"] = "select (to_jsonb(v) - 'xid')::text from registration_version v where v.request_id <> 'ahead' order by v.registration_id, v.version",
        ["write_request"] = "select to_jsonb(w)::text from write_request w where w.request_id <> 'ahead' order by w.request_id",
        ["access_log"] = "select (to_jsonb(e) - 'id' - 'xid')::text || ' #' || row_number() over (order by e.id) from access_log e where e.call_id <> 'ahead' order by e.id",
        ["supervision_pending"] = "select registration_id::text from supervision_pending where registration_id not in (select registration_id from registration_version where request_id = 'ahead') order by 1",
    };

    private static async Task<List<string>> RowsAsync(GatewayDataSource dataSource, string table)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<string>(StoredRows[table])];
    }

    private static async Task SeedAgreementAsync(GatewayDataSource dataSource, Guid agreementId)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("""
            insert into authority (kind, code, name, created_by) values ('Municipality', '101', 'Testkommune', 'tests');
            insert into it_system (id, name, vendor_cvr, created_by) values (@systemId, 'System', '12345674', 'tests');
            insert into agreement (id, authority_kind, authority_code, it_system_id, operations, case_types, read_scope, environment, valid_from, status)
            values (@agreementId, 'Municipality', '101', @systemId, '{RegisterInterview}', '{Kontanthjaelp}', 'OwnCitizens', 'Test', '2020-01-01', 'Active');
            """, new { systemId = SystemId, agreementId });
    }

    // Counts, by reason, the batches of several that stores send a statement per write, from its making to its disposal.
    private sealed class SplitCommits : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _counts = [];

        public SplitCommits()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == RegistrationStore.SplitCommitsName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var reason = "";
                foreach (var tag in tags)
                {
                    reason = tag.Key == "reason" ? tag.Value as string ?? "" : reason;
                }

                lock (_counts)
                {
                    _counts[reason] = _counts.GetValueOrDefault(reason) + value;
                }
            });
            _listener.Start();
        }

        public long this[string reason]
        {
            get
            {
                lock (_counts)
                {
                    return _counts.GetValueOrDefault(reason);
                }
            }
        }

        public long Total
        {
            get
            {
                lock (_counts)
                {
                    return _counts.Values.Sum();
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    // Starts the writes while a lock holds the commit before them, so that they are queued together and go into one
    // batch; the answer of a write that failed is null.
    private async Task<WriteResult?[]> InOneCommitAsync(params Func<Task<WriteResult>>[] writes)
    {
        Task<WriteResult> ahead;
        List<Task<WriteResult>> started;
        await using (var hold = await HoldClaimsAsync())
        {
            ahead = Write(NewRegistration(), "ahead");
            await WaitUntilAWriteIsBlockedAsync();
            started = [.. writes.Select(write => write())];
            await Task.Delay(100);
            await hold.RollbackAsync();
        }

        Assert.That(await ahead, Is.EqualTo(WriteResult.Stored));
        var results = new WriteResult?[started.Count];
        for (var i = 0; i < started.Count; i++)
        {
            try
            {
                results[i] = await started[i];
            }
            catch (StoreConflictException)
            {
                results[i] = null;
            }
        }

        return results;
    }

    private Task<WriteResult> Write(StoredRegistration version, string requestId) => Write(_store, version, requestId);

    // The access-log entry's values differ from the version's where they may (its time, case worker, principal), so that a
    // write that took one for the other stores something else.
    private Task<WriteResult> Write(RegistrationStore store, StoredRegistration version, string requestId)
    {
        var receipt = new Receipt(version.Id, version.Version, version.ReceivedAt, version.Late, []);
        var caller = new Caller(Municipality, version.OtherActor, version.CaseWorkerId);
        var request = new WriteRequest(_agreementId, requestId, RequestFingerprint.OfRegistration(caller, version.Interview));
        var access = new AccessEntry(version.ReceivedAt.AddMilliseconds(1), _agreementId, SystemId, Municipality, version.OtherActor ?? Municipality,
            "access-" + version.CaseWorkerId, requestId, "RegisterInterview", version.Interview.Cpr, version.Id, AccessOutcome.Ok);
        return store.WriteAsync(version, request, receipt, access, CancellationToken.None);
    }

    // A registration that ends the course: no next contact date, an end reason.
    private static InterviewRegistration Ended(string cpr)
    {
        var registration = SampleRegistrations.Minimal(cpr);
        registration.NextContact = new NextContact { EndReason = CourseEndReason.Selvforsoergelse, EndReasonSpecified = true };
        return registration;
    }

    private static StoredRegistration NewRegistration() =>
        new(Guid.NewGuid(), 1, DateTimeOffset.UtcNow.AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerMicrosecond)), Municipality, null,
            "cw-1", false, ContractMapper.ToInterview(SampleRegistrations.Minimal("0101901234")));

    // Takes a lock that makes every write wait at its claim until the returned transaction ends.
    private async Task<NpgsqlTransaction> HoldClaimsAsync()
    {
        var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("lock table write_request in exclusive mode", transaction: transaction);
        return transaction;
    }

    private async Task WaitUntilAWriteIsBlockedAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await connection.ExecuteScalarAsync<bool>("select exists (select 1 from pg_locks where relation = 'write_request'::regclass and not granted)"))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the first write never reached the lock");
    }

    private async Task<Dictionary<string, string>> XidsByRequestAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string RequestId, string Xid)>("select request_id, xmin::text from write_request"))
            .ToDictionary(r => r.RequestId, r => r.Xid);
    }

    private async Task<int> CommitsOfAsync(params string[] requestIds)
    {
        var xids = await XidsByRequestAsync();
        return requestIds.Select(id => xids[id]).Distinct().Count();
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"select count(*) from {table}");
    }
}
