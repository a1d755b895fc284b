using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Database;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Npgsql;

namespace Gateway.Data.Registrations;

/// <summary>Registrations in PostgreSQL: the <c>registration</c> row and its append-only <c>registration_version</c> rows.</summary>
public sealed class RegistrationStore(NpgsqlDataSource dataSource) : IRegistrationStore
{
    /// <inheritdoc />
    public Task<bool> AddAsync(StoredRegistration registration, WriteRequest request, Receipt receipt, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async () =>
        {
            // One statement, so one implicit transaction and one round trip: the request id is claimed first, and the
            // registration is written only if the claim succeeded. A concurrent write with the same request id waits
            // on the claim's key until this one commits, then finds it taken and writes nothing.
            const string sql = """
                with claimed as (
                    insert into write_request (agreement_id, request_id, operation, fingerprint, receipt, received_at)
                    values (@AgreementId, @RequestId, 'RegisterInterview', @Fingerprint, @Receipt::jsonb, @ReceivedAt)
                    on conflict (agreement_id, request_id) do nothing
                    returning 1
                ),
                registration_row as (
                    insert into registration (id, cpr, responsible_kind, responsible_code, other_actor_cvr, registered_at)
                    select @Id, @Cpr, @ResponsibleKind, @ResponsibleCode, @OtherActorCvr, @ReceivedAt
                    where exists (select 1 from claimed)
                ),
                version_row as (
                    insert into registration_version
                        (registration_id, version, case_type, held_on, match_category, next_contact_on, late, case_worker_id, received_at, items, agreement_id, call_id)
                    select @Id, @Version, @CaseType, @HeldOn, @MatchCategory, @NextContactOn, @Late, @CaseWorkerId, @ReceivedAt, @Items::jsonb, @AgreementId, @CallId
                    where exists (select 1 from claimed)
                )
                select exists (select 1 from claimed)
                """;
            var interview = registration.Interview;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new
            {
                registration.Id,
                interview.Cpr,
                ResponsibleKind = registration.ResponsibleAuthority.Kind.ToString(),
                ResponsibleCode = registration.ResponsibleAuthority.Code,
                OtherActorCvr = registration.OtherActor?.Code,
                ReceivedAt = registration.ReceivedAt.UtcDateTime,
                registration.Version,
                CaseType = interview.CaseType.ToString(),
                interview.HeldOn,
                MatchCategory = (short)interview.MatchCategory,
                NextContactOn = interview.NextContact.PlannedOn,
                registration.Late,
                registration.CaseWorkerId,
                Items = InterviewJson.Write(interview),
                AgreementId = request.AgreementId,
                registration.CallId,
                request.RequestId,
                request.Fingerprint,
                Receipt = InterviewJson.WriteReceipt(receipt),
            }, cancellationToken: cancellationToken));
        });

    /// <inheritdoc />
    public Task<EarlierRequest?> FindRequestAsync(Guid agreementId, string requestId, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<(string Fingerprint, string Receipt)>(new CommandDefinition(
                "select fingerprint, receipt::text from write_request where agreement_id = @agreementId and request_id = @requestId",
                new { agreementId, requestId }, cancellationToken: cancellationToken));
            return row.Fingerprint is null ? null : new EarlierRequest(row.Fingerprint, InterviewJson.ReadReceipt(row.Receipt));
        });

    /// <summary>The latest version of each of a citizen's registrations; served by <c>registration_cpr_idx</c>.</summary>
    internal const string LatestForCitizenSql = """
        select distinct on (v.registration_id)
               r.id as Id, v.version as Version, v.received_at as ReceivedAt,
               r.responsible_kind as ResponsibleKind, r.responsible_code as ResponsibleCode,
               r.other_actor_cvr as OtherActorCvr, v.case_worker_id as CaseWorkerId, v.late as Late,
               v.items::text as Items
        from registration r
        join registration_version v on v.registration_id = r.id
        where r.cpr = @cpr
        order by v.registration_id, v.version desc
        """;

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRegistration>> LatestForCitizenAsync(string cpr, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<StoredRegistration>>(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(LatestForCitizenSql, new { cpr }, cancellationToken: cancellationToken));
            return [.. rows.Select(ToRegistration)];
        });

    private static StoredRegistration ToRegistration(Row row) => new(
        row.Id,
        row.Version,
        new DateTimeOffset(DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc)),
        new AuthorityId(Enum.Parse<AuthorityKind>(row.ResponsibleKind), row.ResponsibleCode),
        row.OtherActorCvr is null ? null : new AuthorityId(AuthorityKind.OtherActor, row.OtherActorCvr),
        row.CaseWorkerId,
        row.Late,
        InterviewJson.Read(row.Items));

    // Dapper maps the aliased columns to the constructor by name.
    private sealed record Row(
        Guid Id, int Version, DateTime ReceivedAt, string ResponsibleKind, string ResponsibleCode,
        string? OtherActorCvr, string CaseWorkerId, bool Late, string Items);
}
