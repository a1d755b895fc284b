using Dapper;
using Gateway.Data.Database;
using Gateway.Domain.AccessLog;
using Npgsql;
using NpgsqlTypes;

namespace Gateway.Data.AccessLog;

/// <summary>The access log in PostgreSQL: entries are appended to <c>access_log</c>; <see cref="AccessLogSealer"/> chains them later.</summary>
public sealed class AccessLogStore(GatewayDataSource dataSource) : IAccessLog
{
    /// <summary>The column list of an insert into <c>access_log</c>, in the order of <see cref="InsertValues"/>.</summary>
    internal const string InsertColumns =
        "(recorded_at, agreement_id, it_system_id, authority_kind, authority_code, principal_kind, principal_code, case_worker_id, call_id, operation, cpr, registration_id, outcome, subject_kind, subject_code)";

    /// <summary>The values of one entry as parameters prefixed <c>Access</c> (see <see cref="AddParameters"/>).</summary>
    internal const string InsertValues =
        "@AccessRecordedAt, @AccessAgreementId, @AccessItSystemId, @AccessAuthorityKind, @AccessAuthorityCode, @AccessPrincipalKind, @AccessPrincipalCode, @AccessCaseWorkerId, @AccessCallId, @AccessOperation, @AccessCpr, @AccessRegistrationId, @AccessOutcome, @AccessSubjectKind, @AccessSubjectCode";

    /// <summary>Adds the parameters of <see cref="InsertValues"/> for <paramref name="entry"/>.</summary>
    internal static void AddParameters(AccessEntry entry, NpgsqlParameterCollection parameters)
    {
        parameters.Add(new NpgsqlParameter<DateTime>("AccessRecordedAt", entry.RecordedAt.UtcDateTime));
        parameters.Add(new NpgsqlParameter<Guid>("AccessAgreementId", entry.AgreementId));
        parameters.Add(new NpgsqlParameter<Guid>("AccessItSystemId", entry.ItSystemId));
        parameters.Add(Text("AccessAuthorityKind", entry.Authority.Kind.ToString()));
        parameters.Add(Text("AccessAuthorityCode", entry.Authority.Code));
        parameters.Add(Text("AccessPrincipalKind", entry.Principal?.Kind.ToString()));
        parameters.Add(Text("AccessPrincipalCode", entry.Principal?.Code));
        parameters.Add(Text("AccessCaseWorkerId", entry.CaseWorkerId));
        parameters.Add(Text("AccessCallId", entry.CallId));
        parameters.Add(Text("AccessOperation", entry.Operation));
        parameters.Add(Text("AccessCpr", entry.Cpr));
        parameters.Add(new NpgsqlParameter("AccessRegistrationId", NpgsqlDbType.Uuid) { Value = (object?)entry.RegistrationId ?? DBNull.Value });
        parameters.Add(Text("AccessOutcome", entry.Outcome));
        parameters.Add(Text("AccessSubjectKind", entry.Subject?.Kind.ToString()));
        parameters.Add(Text("AccessSubjectCode", entry.Subject?.Code));
    }

    /// <summary>A text parameter that may be null.</summary>
    internal static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

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
