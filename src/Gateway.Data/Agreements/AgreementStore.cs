using Dapper;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Npgsql;

namespace Gateway.Data.Agreements;

/// <summary>Connection agreements (§ 4) and their history. Every status change and amendment records who made it and why, in the append-only history, in the same transaction. Whether a change is allowed is the domain's decision (<see cref="AgreementLifecycle"/>, <see cref="AgreementRevision"/>); this class only carries it out.</summary>
public sealed class AgreementStore(GatewayDataSource dataSource)
{
    /// <summary>
    /// Stores a requested agreement (status Requested), under <paramref name="id"/> when given. With
    /// <paramref name="activate"/> it is approved in the same transaction: for a Test environment's trial
    /// connection, which needs no approval by the authority (domain.md § 7).
    /// </summary>
    public Task<Agreement> RequestAgreementAsync(
        AgreementRequest request, string requestedBy, string reason, CancellationToken cancellationToken, Guid? id = null, bool activate = false) =>
        StoreFailures.Translate<Agreement>(async work =>
        {
            var agreementId = id ?? Guid.CreateVersion7();
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await using var transaction = await connection.BeginTransactionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into agreement (id, authority_kind, authority_code, it_system_id, operations, case_types, read_scope,
                                       supervision_scope, overdue_cpr, environment, valid_from, valid_to, status, contact, contract_reference, channel)
                values (@Id, @AuthorityKind, @AuthorityCode, @ItSystemId, @Operations, @CaseTypes, @ReadScope,
                        @SupervisionScope, @OverdueCpr, @Environment, @ValidFrom, @ValidTo, 'Requested', @Contact, @ContractReference, @Channel)
                """, new
            {
                Id = agreementId,
                AuthorityKind = request.Authority.Kind.ToString(),
                AuthorityCode = request.Authority.Code,
                request.ItSystemId,
                Operations = AgreementRows.OperationsColumn(request.Operations),
                CaseTypes = AgreementRows.CaseTypesColumn(request.EffectiveCaseTypes()),
                ReadScope = request.ReadScope.ToString(),
                SupervisionScope = request.SupervisionScope.ToString(),
                request.OverdueCpr,
                Environment = request.Environment.ToString(),
                request.ValidFrom,
                request.ValidTo,
                request.Contact,
                request.ContractReference,
                Channel = request.Channel.ToString(),
            }, transaction, cancellationToken: work));
            foreach (var principal in request.Principals)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "insert into agreement_principal (agreement_id, kind, code) values (@agreementId, @Kind, @Code)",
                    new { agreementId, Kind = principal.Kind.ToString(), principal.Code }, transaction, cancellationToken: work));
            }

            await RecordAsync(connection, transaction, agreementId, null, AgreementStatus.Requested, requestedBy, reason, work);
            if (activate)
            {
                await SetStatusAsync(connection, transaction, agreementId, AgreementStatus.Requested, AgreementStatus.Active, requestedBy, reason, work);
            }

            await transaction.CommitAsync(work);
            return (await GetAgreementAsync(agreementId, work))!;
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="action"/> if the lifecycle allows it from the agreement's current status (read under a row
    /// lock, so two operators cannot both act on the same status). Returns the agreement after the change, or the
    /// status that made the action impossible, or null when there is no such agreement. For an approval let past the
    /// production gate, <c>conformanceOverride</c> is what the history records about it
    /// (<see cref="Domain.Conformance.ConformanceGate.OverrideNote"/>). When the gate judged the agreement, <c>judged</c>
    /// is the agreement it judged: if its terms have been amended since, nothing is changed
    /// (<see cref="TransitionResult.AmendedMeanwhile"/>), so that no approval admits terms the gate never saw.
    /// </summary>
    public Task<TransitionResult?> TransitionAsync(
        Guid id, AgreementAction action, string changedBy, string reason, CancellationToken cancellationToken, string? conformanceOverride = null,
        Agreement? judged = null) =>
        StoreFailures.Translate<TransitionResult?>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await using var transaction = await connection.BeginTransactionAsync(work);
            if (await LockAsync(connection, transaction, id, work) is not { } current)
            {
                return null;
            }

            var from = current.Status;
            if (AgreementLifecycle.Next(from, action) is not { } to)
            {
                return new TransitionResult(null, from);
            }

            if (judged is not null && AmendableTerms.Changes(judged, current).Count > 0)
            {
                return new TransitionResult(null, from) { AmendedMeanwhile = true };
            }

            await SetStatusAsync(connection, transaction, id, from, to, changedBy, reason, work, conformanceOverride);
            await transaction.CommitAsync(work);
            return new TransitionResult((await GetAgreementAsync(id, work))!, from);
        }, cancellationToken);

    /// <summary>
    /// Makes <paramref name="revision"/>: the agreement's terms become those of <see cref="AgreementRevision.After"/>, and
    /// the history records each changed field before and after, with who and why, in one transaction. Whether the
    /// amendment may be made, and whether the production gate had to judge it, was decided on
    /// <see cref="AgreementRevision.Before"/>; so it is made only if the agreement, read under a row lock, is still in
    /// that status with those terms. Otherwise someone changed it meanwhile and nothing is changed (a null
    /// <see cref="AmendmentResult.Agreement"/>): two amendments decided on the same agreement cannot both be made, and
    /// neither loses the other's change. <c>conformanceOverride</c> is what the history records about a widening let
    /// past the gate (<see cref="Domain.Conformance.ConformanceGate.AmendmentOverrideNote"/>). Null when there is no such agreement.
    /// </summary>
    public Task<AmendmentResult?> AmendAsync(
        AgreementRevision revision, string changedBy, string reason, CancellationToken cancellationToken, string? conformanceOverride = null) =>
        StoreFailures.Translate<AmendmentResult?>(async work =>
        {
            var id = revision.Before.Id;
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await using var transaction = await connection.BeginTransactionAsync(work);
            if (await LockAsync(connection, transaction, id, work) is not { } current)
            {
                return null;
            }

            if (current.Status != revision.Before.Status || AmendableTerms.Changes(revision.Before, current).Count > 0)
            {
                return new AmendmentResult(null, []);
            }

            var after = revision.After;
            await connection.ExecuteAsync(new CommandDefinition("""
                update agreement
                set operations = @Operations, case_types = @CaseTypes, read_scope = @ReadScope, valid_from = @ValidFrom, valid_to = @ValidTo,
                    contact = @Contact, contract_reference = @ContractReference
                where id = @id
                """, new
            {
                id,
                Operations = AgreementRows.OperationsColumn(after.Operations),
                CaseTypes = AgreementRows.CaseTypesColumn(after.CaseTypes),
                ReadScope = after.ReadScope.ToString(),
                after.ValidFrom,
                after.ValidTo,
                after.Contact,
                after.ContractReference,
            }, transaction, cancellationToken: work));
            await RecordAsync(connection, transaction, id, current.Status, current.Status, changedBy, reason, work, conformanceOverride, revision.Changes);
            await transaction.CommitAsync(work);
            return new AmendmentResult((await GetAgreementAsync(id, work))!, revision.Changes);
        }, cancellationToken);

    /// <summary>
    /// Turns every Active agreement whose end date is before <paramref name="today"/> Expired, recording
    /// <paramref name="changedBy"/> (the gateway's own sweep records <c>gateway</c>); returns their ids.
    /// </summary>
    public Task<IReadOnlyList<Guid>> ExpireDueAsync(DateOnly today, string changedBy, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<Guid>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var due = (await connection.QueryAsync<(Guid Id, DateOnly ValidTo)>(new CommandDefinition(
                "select id, valid_to from agreement where status = 'Active' and valid_to < @today", new { today }, cancellationToken: work))).ToList();
            var expired = new List<Guid>();
            foreach (var (id, validTo) in due)
            {
                if (await TransitionAsync(id, AgreementAction.Expire, changedBy, $"Its end date, {validTo:yyyy-MM-dd}, has passed.", work) is { Agreement: not null })
                {
                    expired.Add(id);
                }
            }

            return expired;
        }, cancellationToken);

    /// <summary>One agreement, or null.</summary>
    public Task<Agreement?> GetAgreementAsync(Guid id, CancellationToken cancellationToken) => new AccessStore(dataSource).FindAgreementAsync(id, cancellationToken);

    /// <summary>Agreements, optionally only those in <paramref name="status"/>.</summary>
    public Task<IReadOnlyList<Agreement>> ListAgreementsAsync(AgreementStatus? status, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<Agreement>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<AgreementRows.Row>(new CommandDefinition(
                AgreementRows.Select + " where @status::text is null or a.status = @status order by a.created_at",
                new { status = status?.ToString() }, cancellationToken: work));
            return [.. rows.Select(AgreementRows.ToAgreement)];
        }, cancellationToken);

    /// <summary>The agreements of one IT system in any of <paramref name="statuses"/>, oldest first.</summary>
    public Task<IReadOnlyList<Agreement>> ListAgreementsOfSystemAsync(Guid itSystemId, IReadOnlyCollection<AgreementStatus> statuses, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<Agreement>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<AgreementRows.Row>(new CommandDefinition(
                AgreementRows.Select + " where a.it_system_id = @itSystemId and a.status = any(@statuses) order by a.created_at",
                new { itSystemId, statuses = statuses.Select(s => s.ToString()).ToArray() }, cancellationToken: work));
            return [.. rows.Select(AgreementRows.ToAgreement)];
        }, cancellationToken);

    /// <summary>The registration-tool agreements of <paramref name="authority"/>, in any status, oldest first (what <see cref="CaseWorkerSignIn"/> decides on).</summary>
    public Task<IReadOnlyList<Agreement>> ListToolAgreementsAsync(Domain.Identifiers.AuthorityId authority, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<Agreement>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<AgreementRows.Row>(new CommandDefinition(
                AgreementRows.Select + " where a.channel = 'RegistrationTool' and a.authority_kind = @kind and a.authority_code = @code order by a.created_at, a.id",
                new { kind = authority.Kind.ToString(), code = authority.Code }, cancellationToken: work));
            return [.. rows.Select(AgreementRows.ToAgreement)];
        }, cancellationToken);

    /// <summary>How many Active agreements there are for <paramref name="environment"/>.</summary>
    public Task<int> CountActiveAsync(GatewayEnvironment environment, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "select count(*)::int from agreement where status = 'Active' and environment = @environment",
                new { environment = environment.ToString() }, cancellationToken: work));
        }, cancellationToken);

    /// <summary>An agreement's history, its changes of status and its amendments, oldest first.</summary>
    public Task<IReadOnlyList<AgreementHistoryEntry>> HistoryAsync(Guid id, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<AgreementHistoryEntry>>(async work =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(work);
            var rows = await connection.QueryAsync<(string? From, string To, string By, DateTime At, string Reason, string? Override, string? Changes)>(new CommandDefinition(
                """
                select from_status, to_status, changed_by, changed_at, reason, conformance_override, changes::text
                from agreement_history where agreement_id = @id order by id
                """,
                new { id }, cancellationToken: work));
            return [.. rows.Select(r => new AgreementHistoryEntry(
                r.From is null ? null : Enum.Parse<AgreementStatus>(r.From), Enum.Parse<AgreementStatus>(r.To), r.By,
                new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.Reason) { ConformanceOverride = r.Override, Changes = AgreementChangesJson.Read(r.Changes) })];
        }, cancellationToken);

    // The agreement as it is, locked until the transaction ends: a concurrent status change or amendment waits for it.
    private static async Task<Agreement?> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AgreementRows.Row>(new CommandDefinition(
            AgreementRows.Select + " where a.id = @id for update of a", new { id }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : AgreementRows.ToAgreement(row);
    }

    private static async Task SetStatusAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, AgreementStatus from, AgreementStatus to, string changedBy, string reason,
        CancellationToken cancellationToken, string? conformanceOverride = null)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "update agreement set status = @to where id = @id", new { id, to = to.ToString() }, transaction, cancellationToken: cancellationToken));
        await RecordAsync(connection, transaction, id, from, to, changedBy, reason, cancellationToken, conformanceOverride);
    }

    private static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, AgreementStatus? from, AgreementStatus to, string changedBy, string reason,
        CancellationToken cancellationToken, string? conformanceOverride = null, IReadOnlyList<AgreementChange>? changes = null) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into agreement_history (agreement_id, from_status, to_status, changed_by, reason, conformance_override, changes)
            values (@id, @from, @to, @changedBy, @reason, @conformanceOverride, @changes::jsonb)
            """,
            new { id, from = from?.ToString(), to = to.ToString(), changedBy, reason, conformanceOverride, changes = changes is null ? null : AgreementChangesJson.Write(changes) },
            transaction, cancellationToken: cancellationToken));
}
