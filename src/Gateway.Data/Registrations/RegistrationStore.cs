using System.Data;
using System.Diagnostics.Metrics;
using System.Globalization;
using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.AccessLog;
using Gateway.Data.Database;
using Gateway.Domain.AccessLog;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Npgsql;
using NpgsqlTypes;

namespace Gateway.Data.Registrations;

/// <summary>Registrations in PostgreSQL: the <c>registration</c> row and its append-only <c>registration_version</c> rows.</summary>
public sealed class RegistrationStore(GatewayDataSource dataSource) : IRegistrationStore, IAsyncDisposable
{
    /// <summary>The most writes one commit takes; what is left waits for the next.</summary>
    public const int MaxWritesPerCommit = 64;

    private static readonly Histogram<int> WritesPerCommit = DataTelemetry.Meter.CreateHistogram("gateway.registration.commit.writes", "{write}",
        "Registration writes (versions with their request ids and access-log entries) committed together by one commit of the group commit.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });

    /// <summary>The counter of batches sent again a statement per write (<see cref="SplitCommits"/>).</summary>
    public const string SplitCommitsName = "gateway.registration.commit.split";

    private static readonly Counter<long> SplitCommits = DataTelemetry.Meter.CreateCounter<long>(SplitCommitsName, "{commit}",
        "Batches of several registration writes sent as a statement per write instead of one statement for all, by reason: meet (two " +
        "of them were of one request id or one registration) or refused (PostgreSQL refused the one statement: a version a concurrent " +
        "correction took, a deadlock). A batch sent again after a VersionTaken counts again.");

    private readonly GroupCommit<PendingWrite, WriteResult> _writes = new(
        batch => CommitAsync(dataSource, batch), "registration", _ => 1, MaxWritesPerCommit, WritesPerCommit);

    /// <inheritdoc />
    /// <remarks>
    /// The writes of concurrent calls are group-committed: one round trip carries each write's statement
    /// (<see cref="WriteSql"/>) and one commit makes them durable together, and each caller is answered only after it.
    /// </remarks>
    public Task<WriteResult> WriteAsync(StoredRegistration version, WriteRequest request, Receipt receipt, AccessEntry access, CancellationToken cancellationToken) =>
        _writes.CommitAsync(new PendingWrite(version, request, receipt, access), cancellationToken);

    /// <summary>Stops taking writes and waits until every queued one is committed or has failed.</summary>
    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    /// <summary>
    /// One write, one statement: the request id is claimed first, and the version (with the registration, for version
    /// 1) and its access-log entry are written only if the claim succeeded, and the registration is noted for its
    /// supervision fact to be made again (SupervisionFacts). A concurrent write with the same request id waits on the
    /// claim's key until this one commits, then finds it taken and writes nothing (in the same commit, the later write
    /// finds the earlier one's claim). A concurrent write of the same version (two corrections of one version) fails on
    /// the version's primary key, and the whole statement with it, claim included.
    /// </summary>
    internal const string WriteSql = $"""
        with claimed as (
            insert into write_request (agreement_id, request_id, operation, fingerprint, receipt, received_at)
            values (@AgreementId, @RequestId, @Operation, @Fingerprint, @Receipt::jsonb, @ReceivedAt)
            on conflict (agreement_id, request_id) do nothing
            returning 1
        ),
        registration_row as (
            insert into registration (id, cpr, responsible_kind, responsible_code, other_actor_cvr, registered_at)
            select @Id, @Cpr, @ResponsibleKind, @ResponsibleCode, @OtherActorCvr, @ReceivedAt
            where @Version = 1 and exists (select 1 from claimed)
        ),
        version_row as (
            insert into registration_version
                (registration_id, version, case_type, held_on, match_category, next_contact_on, late, case_worker_id, received_at, items,
                 agreement_id, call_id, change, reason, request_id, responsible_kind, responsible_code, other_actor_cvr, channel)
            select @Id, @Version, @CaseType, @HeldOn, @MatchCategory, @NextContactOn, @Late, @CaseWorkerId, @ReceivedAt, @Items::jsonb,
                   @AgreementId, @CallId, @Change, @Reason, @RequestId, @ResponsibleKind, @ResponsibleCode, @OtherActorCvr, @Channel
            where exists (select 1 from claimed)
        ),
        access_row as (
            insert into access_log {AccessLogStore.InsertColumns}
            select {AccessLogStore.InsertValues}
            where exists (select 1 from claimed)
        ),
        pending_row as (
            insert into supervision_pending (registration_id)
            select @Id
            where exists (select 1 from claimed)
            {NotedAgain}
        )
        select exists (select 1 from claimed)
        """;

    /// <summary>
    /// The writes of a whole batch in one statement, as <see cref="WriteSql"/> does each of them: the request ids are
    /// claimed first, and only the writes whose claim succeeded write their version (with the registration, for version
    /// 1), their access-log entry and their supervision note. It returns the position (from 1) of every write whose claim
    /// succeeded. A version that exists already fails the statement, and with it everything it wrote: the batch is then
    /// sent again a statement per write (<see cref="CommitAsync"/>), which tells which write it was. One statement instead
    /// of one per write takes about a third of PostgreSQL's CPU per write (docs/performance.md, "One statement per batch").
    /// Used only for a batch whose writes have distinct request ids and registrations, so no row of it meets another.
    /// </summary>
    internal const string BatchWriteSql = $"""
        with input as (
            select * from unnest(@Id, @Cpr, @ResponsibleKind, @ResponsibleCode, @OtherActorCvr, @ReceivedAt, @Version, @CaseType,
                                 @HeldOn, @MatchCategory, @NextContactOn, @Late, @CaseWorkerId, @Items, @AgreementId, @CallId,
                                 @Change, @Reason, @RequestId, @Channel, @Operation, @Fingerprint, @Receipt,
                                 @AccessRecordedAt, @AccessAgreementId, @AccessItSystemId, @AccessAuthorityKind, @AccessAuthorityCode,
                                 @AccessPrincipalKind, @AccessPrincipalCode, @AccessCaseWorkerId, @AccessCallId, @AccessOperation,
                                 @AccessCpr, @AccessRegistrationId, @AccessOutcome, @AccessSubjectKind, @AccessSubjectCode)
                with ordinality
                as w(id, cpr, responsible_kind, responsible_code, other_actor_cvr, received_at, version, case_type,
                     held_on, match_category, next_contact_on, late, case_worker_id, items, agreement_id, call_id,
                     change, reason, request_id, channel, operation, fingerprint, receipt,
                     access_recorded_at, access_agreement_id, access_it_system_id, access_authority_kind, access_authority_code,
                     access_principal_kind, access_principal_code, access_case_worker_id, access_call_id, access_operation,
                     access_cpr, access_registration_id, access_outcome, access_subject_kind, access_subject_code, position)
        ),
        claimed as (
            insert into write_request (agreement_id, request_id, operation, fingerprint, receipt, received_at)
            select agreement_id, request_id, operation, fingerprint, receipt::jsonb, received_at from input
            on conflict (agreement_id, request_id) do nothing
            returning agreement_id, request_id
        ),
        written as (
            select input.* from input join claimed using (agreement_id, request_id)
        ),
        registration_row as (
            insert into registration (id, cpr, responsible_kind, responsible_code, other_actor_cvr, registered_at)
            select id, cpr, responsible_kind, responsible_code, other_actor_cvr, received_at from written where version = 1
        ),
        version_row as (
            insert into registration_version
                (registration_id, version, case_type, held_on, match_category, next_contact_on, late, case_worker_id, received_at, items,
                 agreement_id, call_id, change, reason, request_id, responsible_kind, responsible_code, other_actor_cvr, channel)
            select id, version, case_type, held_on, match_category, next_contact_on, late, case_worker_id, received_at, items::jsonb,
                   agreement_id, call_id, change, reason, request_id, responsible_kind, responsible_code, other_actor_cvr, channel
            from written
        ),
        access_row as (
            insert into access_log {AccessLogStore.InsertColumns}
            select access_recorded_at, access_agreement_id, access_it_system_id, access_authority_kind, access_authority_code,
                   access_principal_kind, access_principal_code, access_case_worker_id, access_call_id, access_operation,
                   access_cpr, access_registration_id, access_outcome, access_subject_kind, access_subject_code
            from written order by position
        ),
        pending_row as (
            insert into supervision_pending (registration_id)
            select id from written
            {NotedAgain}
        )
        select position from written
        """;

    /// <summary>
    /// Commits a batch of writes in one round trip: a batch is one implicit transaction, so all of it commits or none.
    /// A write whose version exists already fails its statement and with it the batch: the rest are sent again without
    /// it. The version it found may be one an earlier write of the same batch made, which the failure undid: so it is
    /// answered VersionTaken only once the rest has committed; when the rest does not commit, it is sent again alone,
    /// like the rest. Any other refusal of a batch of several (a deadlock with a concurrent transaction, say) sends each
    /// write again alone, so that each gets exactly what it would have got alone.
    /// </summary>
    private static async Task CommitAsync(GatewayDataSource dataSource, IReadOnlyList<GroupCommit<PendingWrite, WriteResult>.Item> batch)
    {
        var open = batch.ToList();
        var taken = new List<GroupCommit<PendingWrite, WriteResult>.Item>();
        try
        {
            while (open.Count > 0)
            {
                var sent = await StoreFailures.Translate(_ => SendAsync(dataSource, open), CancellationToken.None);
                switch (sent)
                {
                    case { Claimed: { } claimed }:
                        for (var i = 0; i < open.Count; i++)
                        {
                            open[i].Succeed(claimed[i] ? WriteResult.Stored : WriteResult.RequestIdTaken);
                        }

                        open.Clear();
                        break;
                    case { VersionTaken: { } at }:
                        taken.Add(open[at]);
                        open.RemoveAt(at);
                        break;
                    default:
                        await EachAloneAsync(dataSource, open);
                        await EachAloneAsync(dataSource, taken);
                        return;
                }
            }
        }
        catch (Exception ex) when (taken.Count > 0)
        {
            // What took their version may have been undone with the rest: each finds out alone.
            open.ForEach(item => item.Fail(ex));
            await EachAloneAsync(dataSource, taken);
            return;
        }

        // Whatever holds their version is committed now (with the rest, or before this batch).
        taken.ForEach(item => item.Succeed(WriteResult.VersionTaken));
    }

    private static async Task EachAloneAsync(GatewayDataSource dataSource, List<GroupCommit<PendingWrite, WriteResult>.Item> writes)
    {
        foreach (var item in writes)
        {
            try
            {
                await CommitAsync(dataSource, [item]);
            }
#pragma warning disable CA1031 // The write fails alone, with what it threw alone.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                item.Fail(ex);
            }
        }
    }

    private static async Task<Sent> SendAsync(GatewayDataSource dataSource, IReadOnlyList<GroupCommit<PendingWrite, WriteResult>.Item> writes)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        if (writes.Count > 1 && !Apart(writes))
        {
            Split("meet");
        }
        else if (writes.Count > 1)
        {
            // Null when PostgreSQL refused one of its rows: the statement per write below tells which.
            var together = await SendTogetherAsync(connection, writes);
            if (together is not { Claimed: not null })
            {
                Split("refused");
            }

            if (together is not null)
            {
                return together;
            }
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in writes)
        {
            batch.BatchCommands.Add(Command(write.Work));
        }

        // Which write the reader is at: an error belongs to it (PostgreSQL skips the statements after a failed one).
        var at = 0;
        try
        {
            var claimed = new bool[writes.Count];
            await using var reader = await batch.ExecuteReaderAsync();
            while (true)
            {
                claimed[at] = await reader.ReadAsync() && reader.GetBoolean(0);
                if (++at == claimed.Length)
                {
                    return new Sent(claimed, null);
                }

                await reader.NextResultAsync();
            }
        }
        catch (PostgresException ex) when (ex is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "registration_version_pkey" })
        {
            return new Sent(null, at);
        }
        catch (PostgresException) when (writes.Count > 1)
        {
            return new Sent(null, null);
        }
    }

    private static void Split(string reason) => SplitCommits.Add(1, new KeyValuePair<string, object?>("reason", reason));

    // Whether no two writes share a request id or a registration: then the writes of one statement cannot meet each other.
    private static bool Apart(IReadOnlyList<GroupCommit<PendingWrite, WriteResult>.Item> writes) =>
        writes.Select(w => (w.Work.Request.AgreementId, w.Work.Request.RequestId)).Distinct().Count() == writes.Count
        && writes.Select(w => w.Work.Version.Id).Distinct().Count() == writes.Count;

    // The batch in one statement (BatchWriteSql); null when PostgreSQL refused one of its rows (a constraint), which undid
    // all of it and leaves the connection fit for the statement per write that tells which; a refusal of the statement as
    // such (a deadlock, a timeout, the server ending the session) is the batch's, answered as the per-statement path
    // answers it: each write again alone, on a connection of its own.
    private static async Task<Sent?> SendTogetherAsync(NpgsqlConnection connection, IReadOnlyList<GroupCommit<PendingWrite, WriteResult>.Item> writes)
    {
        await using var command = new NpgsqlCommand(BatchWriteSql, connection);
        var all = writes.Select(w => w.Work).ToArray();
        var p = command.Parameters;
        p.Add(Column("Id", all, w => w.Version.Id));
        p.Add(Column("Cpr", all, w => w.Version.Interview.Cpr));
        p.Add(Column("ResponsibleKind", all, w => w.Version.ResponsibleAuthority.Kind.ToString()));
        p.Add(Column("ResponsibleCode", all, w => w.Version.ResponsibleAuthority.Code));
        p.Add(Column("OtherActorCvr", all, w => w.Version.OtherActor?.Code));
        p.Add(Column("ReceivedAt", all, w => w.Version.ReceivedAt.UtcDateTime));
        p.Add(Column("Version", all, w => w.Version.Version));
        p.Add(Column("CaseType", all, w => w.Version.Interview.CaseType.ToString()));
        p.Add(Column("HeldOn", all, w => w.Version.Interview.HeldOn));
        p.Add(Column("MatchCategory", all, w => (short)w.Version.Interview.MatchCategory));
        p.Add(new NpgsqlParameter("NextContactOn", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = all.Select(w => w.Version.Interview.NextContact.PlannedOn).ToArray() });
        p.Add(Column("Late", all, w => w.Version.Late));
        p.Add(Column("CaseWorkerId", all, w => w.Version.CaseWorkerId));
        p.Add(Column("Items", all, w => InterviewJson.Write(w.Version.Interview)));
        p.Add(Column("AgreementId", all, w => w.Request.AgreementId));
        p.Add(Column("CallId", all, w => w.Version.CallId));
        p.Add(Column("Change", all, w => w.Version.Change.ToString()));
        p.Add(Column("Reason", all, w => w.Version.Reason));
        p.Add(Column("RequestId", all, w => w.Request.RequestId));
        p.Add(Column("Channel", all, w => w.Version.Channel.ToString()));
        p.Add(Column("Operation", all, w => w.Access.Operation));
        p.Add(Column("Fingerprint", all, w => w.Request.Fingerprint.Value));
        p.Add(Column("Receipt", all, w => InterviewJson.WriteReceipt(w.Receipt)));
        p.Add(Column("AccessRecordedAt", all, w => w.Access.RecordedAt.UtcDateTime));
        p.Add(Column("AccessAgreementId", all, w => w.Access.AgreementId));
        p.Add(Column("AccessItSystemId", all, w => w.Access.ItSystemId));
        p.Add(Column("AccessAuthorityKind", all, w => w.Access.Authority.Kind.ToString()));
        p.Add(Column("AccessAuthorityCode", all, w => w.Access.Authority.Code));
        p.Add(Column("AccessPrincipalKind", all, w => w.Access.Principal?.Kind.ToString()));
        p.Add(Column("AccessPrincipalCode", all, w => w.Access.Principal?.Code));
        p.Add(Column("AccessCaseWorkerId", all, w => w.Access.CaseWorkerId));
        p.Add(Column("AccessCallId", all, w => w.Access.CallId));
        p.Add(Column("AccessOperation", all, w => w.Access.Operation));
        p.Add(Column("AccessCpr", all, w => w.Access.Cpr));
        p.Add(Column("AccessRegistrationId", all, w => w.Access.RegistrationId));
        p.Add(Column("AccessOutcome", all, w => w.Access.Outcome));
        p.Add(Column("AccessSubjectKind", all, w => w.Access.Subject?.Kind.ToString()));
        p.Add(Column("AccessSubjectCode", all, w => w.Access.Subject?.Code));
        try
        {
            var claimed = new bool[all.Length];
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                claimed[reader.GetInt64(0) - 1] = true;
            }

            return new Sent(claimed, null);
        }
        catch (PostgresException ex) when (ex.SqlState.StartsWith("23", StringComparison.Ordinal) && connection.FullState == ConnectionState.Open)
        {
            return null;
        }
        catch (PostgresException)
        {
            return new Sent(null, null);
        }
    }

    private static NpgsqlParameter<T[]> Column<T>(string name, PendingWrite[] writes, Func<PendingWrite, T> value) =>
        new(name, writes.Select(value).ToArray());

    private static NpgsqlBatchCommand Command(PendingWrite write)
    {
        var (version, request, receipt, access) = write;
        var interview = version.Interview;
        var command = new NpgsqlBatchCommand(WriteSql);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<Guid>("Id", version.Id));
        parameters.Add(new NpgsqlParameter<string>("Cpr", interview.Cpr));
        parameters.Add(new NpgsqlParameter<string>("ResponsibleKind", version.ResponsibleAuthority.Kind.ToString()));
        parameters.Add(new NpgsqlParameter<string>("ResponsibleCode", version.ResponsibleAuthority.Code));
        parameters.Add(AccessLogStore.Text("OtherActorCvr", version.OtherActor?.Code));
        parameters.Add(new NpgsqlParameter<DateTime>("ReceivedAt", version.ReceivedAt.UtcDateTime));
        parameters.Add(new NpgsqlParameter<int>("Version", version.Version));
        parameters.Add(new NpgsqlParameter<string>("CaseType", interview.CaseType.ToString()));
        parameters.Add(new NpgsqlParameter<DateOnly>("HeldOn", interview.HeldOn));
        parameters.Add(new NpgsqlParameter<short>("MatchCategory", (short)interview.MatchCategory));
        parameters.Add(new NpgsqlParameter("NextContactOn", NpgsqlDbType.Date) { Value = (object?)interview.NextContact.PlannedOn ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter<bool>("Late", version.Late));
        parameters.Add(new NpgsqlParameter<string>("CaseWorkerId", version.CaseWorkerId));
        parameters.Add(new NpgsqlParameter<string>("Items", InterviewJson.Write(interview)));
        parameters.Add(new NpgsqlParameter<Guid>("AgreementId", request.AgreementId));
        parameters.Add(AccessLogStore.Text("CallId", version.CallId));
        parameters.Add(new NpgsqlParameter<string>("Change", version.Change.ToString()));
        parameters.Add(new NpgsqlParameter<string>("Channel", version.Channel.ToString()));
        parameters.Add(AccessLogStore.Text("Reason", version.Reason));
        parameters.Add(new NpgsqlParameter<string>("RequestId", request.RequestId));
        parameters.Add(new NpgsqlParameter<string>("Operation", access.Operation));
        parameters.Add(new NpgsqlParameter<string>("Fingerprint", request.Fingerprint.Value));
        parameters.Add(new NpgsqlParameter<string>("Receipt", InterviewJson.WriteReceipt(receipt)));
        AccessLogStore.AddParameters(access, parameters);
        return command;
    }

    // What one round trip came to: every write's claim, or the index of the write whose version was taken, or neither
    // (the batch of several was refused for another reason).
    private sealed record Sent(bool[]? Claimed, int? VersionTaken);

    private sealed record PendingWrite(StoredRegistration Version, WriteRequest Request, Receipt Receipt, AccessEntry Access);

    /// <summary>
    /// What a write does when its registration is noted already (an earlier write's facts not made yet): it locks the row
    /// by rewriting it, so that a pass making the facts meanwhile waits for this write to commit before it takes the row,
    /// and then makes them from this version. Doing nothing instead would let the pass take the row and make the facts
    /// from the version before, and nothing would be left noted for this one.
    /// </summary>
    internal const string NotedAgain = "on conflict (registration_id) do update set registration_id = excluded.registration_id";

    /// <inheritdoc />
    public Task<EarlierRequest?> FindRequestAsync(Guid agreementId, string requestId, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var row = await connection.QuerySingleOrDefaultAsync<(string Fingerprint, string Receipt)>(new CommandDefinition(
                "select fingerprint, receipt::text from write_request where agreement_id = @agreementId and request_id = @requestId",
                new { agreementId, requestId }, cancellationToken: work));
            return row.Fingerprint is null ? null : new EarlierRequest(row.Fingerprint, InterviewJson.ReadReceipt(row.Receipt));
        }, cancellationToken);

    // The columns every read maps to a StoredRegistration (see Row).
    private const string VersionColumns = """
        r.id as Id, v.version as Version, v.received_at as ReceivedAt,
        r.responsible_kind as ResponsibleKind, r.responsible_code as ResponsibleCode,
        v.other_actor_cvr as OtherActorCvr, v.case_worker_id as CaseWorkerId, v.late as Late,
        v.items::text as Items, v.change as Change, v.reason as Reason, v.request_id as RequestId,
        v.agreement_id as AgreementId, v.call_id as CallId, v.channel as Channel
        """;

    /// <summary>The latest version of each of a citizen's registrations; served by <c>registration_cpr_idx</c>.</summary>
    internal const string LatestForCitizenSql = $"""
        select distinct on (v.registration_id) {VersionColumns}
        from registration r
        join registration_version v on v.registration_id = r.id
        where r.cpr = @cpr
        order by v.registration_id, v.version desc
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRegistration>> LatestForCitizenAsync(string cpr, CancellationToken cancellationToken) =>
        QueryAsync(LatestForCitizenSql, new { cpr }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRegistration>> HistoryAsync(Guid registrationId, CancellationToken cancellationToken) =>
        QueryAsync($"""
            select {VersionColumns}
            from registration r
            join registration_version v on v.registration_id = r.id
            where r.id = @registrationId
            order by v.version
            """, new { registrationId }, cancellationToken);

    /// <summary>
    /// The newest versions case worker <paramref name="caseWorkerId"/> made through the registration tool under one of
    /// <paramref name="agreementIds"/> (their authority's tool agreements: a case-worker id is unique within an authority
    /// only), newest first; served by <c>registration_version_tool_case_worker_idx</c>.
    /// </summary>
    public Task<IReadOnlyList<StoredRegistration>> RecentInToolAsync(
        IReadOnlyCollection<Guid> agreementIds, string caseWorkerId, int max, CancellationToken cancellationToken) =>
        QueryAsync($"""
            select {VersionColumns}
            from registration_version v
            join registration r on r.id = v.registration_id
            where v.channel = 'RegistrationTool' and v.case_worker_id = @caseWorkerId and v.agreement_id = any(@agreementIds)
            order by v.received_at desc
            limit @max
            """, new { caseWorkerId, agreementIds = agreementIds.ToArray(), max }, cancellationToken);

    /// <summary>
    /// One authority's versions in settled order, served by <c>registration_version_feed_idx</c>. Only versions whose
    /// transaction id lies below the horizon of this statement's snapshot are taken: every transaction below it has
    /// ended, and any transaction that ends later has an id at or above it, so nothing can appear behind a cursor
    /// handed out. Plain sequence numbers lack that property: they are drawn before commit, so a later commit can
    /// carry a lower number than rows a reader has already passed.
    /// </summary>
    internal const string ChangesSql = $"""
        select v.xid::text as Xid, {VersionColumns}
        from registration_version v
        join registration r on r.id = v.registration_id
        where v.responsible_kind = @ResponsibleKind and v.responsible_code = @ResponsibleCode
          {ActorFilter}
          and (v.xid, v.registration_id, v.version) > (@Xid::xid8, @RegistrationId, @Version)
          and v.xid < pg_snapshot_xmin(pg_current_snapshot())
        order by v.xid, v.registration_id, v.version
        limit @Limit
        """;

    // The marker in ChangesSql where an other actor's query adds its own filter (served by registration_version_actor_feed_idx).
    private const string ActorFilter = "-- actor filter";

    /// <summary>ChangesSql for an other actor: only the versions it made itself.</summary>
    internal static readonly string ActorChangesSql = ChangesSql.Replace(ActorFilter, "and v.other_actor_cvr = @OtherActorCvr", StringComparison.Ordinal);

    /// <inheritdoc />
    public Task<ChangePage> ChangesAsync(AuthorityId responsible, AuthorityId? otherActor, RegistrationCursor after, int max, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(otherActor is null ? ChangesSql : ActorChangesSql, new
            {
                ResponsibleKind = responsible.Kind.ToString(),
                ResponsibleCode = responsible.Code,
                OtherActorCvr = otherActor?.Code,
                Xid = after.Xid.ToString(CultureInfo.InvariantCulture),
                after.RegistrationId,
                after.Version,
                Limit = max + 1,
            }, cancellationToken: work))).ToList();
            var page = rows.Take(max)
                .Select(r => (ToRegistration(r), new RegistrationCursor(ulong.Parse(r.Xid!, CultureInfo.InvariantCulture), r.Id, r.Version)))
                .ToList();
            // An empty page may mean the cursor is beyond this database's transactions (restored to an earlier point,
            // or a cursor never handed out): then the writes to come would all sort before it.
            var ahead = page.Count == 0 && after.Xid > 0 && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select @Xid::xid8 >= pg_snapshot_xmax(pg_current_snapshot())",
                new { Xid = after.Xid.ToString(CultureInfo.InvariantCulture) }, cancellationToken: work));
            return new ChangePage(page, rows.Count > max, ahead);
        }, cancellationToken);

    private Task<IReadOnlyList<StoredRegistration>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<StoredRegistration>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: work));
            return [.. rows.Select(ToRegistration)];
        }, cancellationToken);

    private static StoredRegistration ToRegistration(Row row) => new(
        row.Id,
        row.Version,
        new DateTimeOffset(DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc)),
        new AuthorityId(Enum.Parse<AuthorityKind>(row.ResponsibleKind), row.ResponsibleCode),
        row.OtherActorCvr is null ? null : new AuthorityId(AuthorityKind.OtherActor, row.OtherActorCvr),
        row.CaseWorkerId,
        row.Late,
        InterviewJson.Read(row.Items))
    {
        AgreementId = row.AgreementId,
        CallId = row.CallId,
        Change = Enum.Parse<ChangeKind>(row.Change),
        Reason = row.Reason,
        RequestId = row.RequestId,
        Channel = Enum.Parse<RegistrationChannel>(row.Channel),
    };

    // Dapper sets the aliased columns by name; only the feed query selects Xid, the settled position's transaction id.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public int Version { get; init; }
        public DateTime ReceivedAt { get; init; }
        public string ResponsibleKind { get; init; } = "";
        public string ResponsibleCode { get; init; } = "";
        public string? OtherActorCvr { get; init; }
        public string CaseWorkerId { get; init; } = "";
        public bool Late { get; init; }
        public string Items { get; init; } = "";
        public string Change { get; init; } = "";
        public string? Reason { get; init; }
        public string? RequestId { get; init; }
        public Guid? AgreementId { get; init; }
        public string? CallId { get; init; }
        public string Channel { get; init; } = "";
        public string? Xid { get; init; }
    }
}
