using Dapper;
using Gateway.Data.Database;
using Gateway.Domain.AccessLog;

namespace Gateway.Data.AccessLog;

/// <summary>The access log in PostgreSQL: entries are appended to <c>access_log</c>; <see cref="AccessLogSealer"/> chains them later.</summary>
public sealed class AccessLogStore(GatewayDataSource dataSource) : IAccessLog
{
    /// <summary>The column list of an insert into <c>access_log</c>, in the order of <see cref="InsertValues"/>.</summary>
    internal const string InsertColumns =
        "(recorded_at, agreement_id, it_system_id, authority_kind, authority_code, principal_kind, principal_code, case_worker_id, call_id, operation, cpr, registration_id, outcome, subject_kind, subject_code)";

    /// <summary>The values of one entry as Dapper parameters prefixed <c>Access</c> (see <see cref="Parameters"/>).</summary>
    internal const string InsertValues =
        "@AccessRecordedAt, @AccessAgreementId, @AccessItSystemId, @AccessAuthorityKind, @AccessAuthorityCode, @AccessPrincipalKind, @AccessPrincipalCode, @AccessCaseWorkerId, @AccessCallId, @AccessOperation, @AccessCpr, @AccessRegistrationId, @AccessOutcome, @AccessSubjectKind, @AccessSubjectCode";

    /// <summary>Adds the parameters of <see cref="InsertValues"/> for <paramref name="entry"/>.</summary>
    internal static DynamicParameters Parameters(AccessEntry entry, DynamicParameters? into = null)
    {
        var parameters = into ?? new DynamicParameters();
        parameters.Add("AccessRecordedAt", entry.RecordedAt.UtcDateTime);
        parameters.Add("AccessAgreementId", entry.AgreementId);
        parameters.Add("AccessItSystemId", entry.ItSystemId);
        parameters.Add("AccessAuthorityKind", entry.Authority.Kind.ToString());
        parameters.Add("AccessAuthorityCode", entry.Authority.Code);
        parameters.Add("AccessPrincipalKind", entry.Principal?.Kind.ToString());
        parameters.Add("AccessPrincipalCode", entry.Principal?.Code);
        parameters.Add("AccessCaseWorkerId", entry.CaseWorkerId);
        parameters.Add("AccessCallId", entry.CallId);
        parameters.Add("AccessOperation", entry.Operation);
        parameters.Add("AccessCpr", entry.Cpr);
        parameters.Add("AccessRegistrationId", entry.RegistrationId);
        parameters.Add("AccessOutcome", entry.Outcome);
        parameters.Add("AccessSubjectKind", entry.Subject?.Kind.ToString());
        parameters.Add("AccessSubjectCode", entry.Subject?.Code);
        return parameters;
    }

    /// <inheritdoc />
    public Task RecordAsync(IReadOnlyList<AccessEntry> entries, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            if (entries.Count == 0)
            {
                return;
            }

            // One statement for the whole batch: the entries of one call are stored together or not at all.
            const string sql = $"""
                insert into access_log {InsertColumns}
                select * from unnest(@RecordedAt, @AgreementId, @ItSystemId, @AuthorityKind, @AuthorityCode, @PrincipalKind,
                                     @PrincipalCode, @CaseWorkerId, @CallId, @Operation, @Cpr, @RegistrationId, @Outcome,
                                     @SubjectKind, @SubjectCode)
                """;
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                RecordedAt = entries.Select(e => e.RecordedAt.UtcDateTime).ToArray(),
                AgreementId = entries.Select(e => e.AgreementId).ToArray(),
                ItSystemId = entries.Select(e => e.ItSystemId).ToArray(),
                AuthorityKind = entries.Select(e => e.Authority.Kind.ToString()).ToArray(),
                AuthorityCode = entries.Select(e => e.Authority.Code).ToArray(),
                PrincipalKind = entries.Select(e => e.Principal?.Kind.ToString()).ToArray(),
                PrincipalCode = entries.Select(e => e.Principal?.Code).ToArray(),
                CaseWorkerId = entries.Select(e => e.CaseWorkerId).ToArray(),
                CallId = entries.Select(e => e.CallId).ToArray(),
                Operation = entries.Select(e => e.Operation).ToArray(),
                Cpr = entries.Select(e => e.Cpr).ToArray(),
                RegistrationId = entries.Select(e => e.RegistrationId).ToArray(),
                Outcome = entries.Select(e => e.Outcome).ToArray(),
                SubjectKind = entries.Select(e => e.Subject?.Kind.ToString()).ToArray(),
                SubjectCode = entries.Select(e => e.Subject?.Code).ToArray(),
            }, cancellationToken: work));
        }, cancellationToken);
}
